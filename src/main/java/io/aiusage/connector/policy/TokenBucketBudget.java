package io.aiusage.connector.policy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.aiusage.config.VendorPolicyConfig;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/**
 * The in-process {@link RequestBudget} (the one used unless {@code cache.store=redis}): one token bucket per vendor in
 * this process. Hand-written because SmallRye Fault
 * Tolerance's {@code @RateLimit} (and {@code Guard.withRateLimit}) rejects a call over the limit at once instead of
 * letting it wait a bounded time, has no burst separate from the window, and cannot be shared across replicas; a
 * Redis-backed bean (connector.cache.RedisRequestBudget) is chosen instead
 * where several replicas run: see {@code connector.cache.RequestBudgets}.
 */
public class TokenBucketBudget implements RequestBudget {

    private final Map<Vendor, Bucket> buckets = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Duration> maxWait = new EnumMap<>(Vendor.class);

    public TokenBucketBudget(VendorPolicyConfig config) {
        for (Vendor vendor : Vendor.values()) {
            VendorPolicyConfig.Budget budget = VendorPolicies.policy(config, vendor).budget();
            buckets.put(vendor, new Bucket(budget.rate(), budget.period(), budget.burst()));
            maxWait.put(vendor, budget.maxWait());
        }
    }

    @Override
    public Duration acquire(Vendor vendor) {
        Bucket bucket = buckets.get(vendor);
        long wait = bucket.reserve(maxWait.get(vendor).toNanos());
        if (wait < 0) {
            Duration retryAfter = Duration.ofNanos(-wait);
            String name = vendor.name().charAt(0) + vendor.name().substring(1).toLowerCase(Locale.ROOT);
            throw new VendorException.RateLimited(vendor, "The gateway's request budget for " + name + " is spent ("
                    + bucket.describe() + "); retry after " + Math.max(1, retryAfter.toSeconds()) + " s", retryAfter);
        }
        if (wait > 0) {
            sleep(wait);
        }
        return Duration.ofNanos(wait);
    }

    @Override
    public void reset() {
        buckets.values().forEach(Bucket::refill);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A token bucket that hands out reservations: a caller that must wait takes its token now (the bucket may go below
     * zero) and sleeps until it would have been there, so waiting callers are served in order and the vendor never
     * sees more than {@code burst} plus {@code rate} per {@code period} calls.
     */
    static final class Bucket {
        private final int rate;
        private final Duration period;
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(int rate, Duration period, int burst) {
            this.rate = rate;
            this.period = period;
            this.capacity = Math.max(1, burst);
            this.tokensPerNano = (double) Math.max(1, rate) / period.toNanos();
            this.tokens = capacity;
            this.refilledAt = System.nanoTime();
        }

        /** Nanoseconds to wait before calling (0: at once), or minus the wait when it is longer than {@code maxWait}. */
        synchronized long reserve(long maxWait) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
            if (wait > maxWait) {
                return -wait;
            }
            tokens -= 1;
            return wait;
        }

        synchronized void refill() {
            tokens = capacity;
            refilledAt = System.nanoTime();
        }

        String describe() {
            return rate + " calls per " + period.toString().substring(2).toLowerCase(Locale.ROOT) + ", bursts of "
                    + (int) capacity;
        }
    }
}
