package io.aiusage.connector.cache;

import java.time.Duration;
import java.util.function.Function;

import io.aiusage.connector.policy.RequestBudget;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * The vendor request budget shared by every replica: a token bucket per vendor kept in Redis and taken from
 * atomically by a Lua script, timed by the Redis server's clock, so three replicas together stay within one vendor
 * budget instead of tripling it. A caller over budget waits for the next permit up to {@link BudgetLimits#maxWait()},
 * then fails as rate limited with the time until that permit. Hand-written: SmallRye's {@code @RateLimit} and the
 * in-process bucket count per process only.
 */
public final class RedisRequestBudget implements RequestBudget {

    /**
     * KEYS[1] the bucket; ARGV[1] its capacity (burst); ARGV[2] milliseconds per permit. Refills by whole permits
     * since the last refill, takes one when there is one and answers 0, else answers the milliseconds until the next.
     */
    static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local interval = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil then
              tokens = capacity
              at = now
            end
            local refill = math.floor((now - at) / interval)
            if refill > 0 then
              tokens = math.min(capacity, tokens + refill)
              at = at + refill * interval
            end
            if tokens >= capacity then
              at = now
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.max(1, interval - (now - at))
            end
            redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
            redis.call('PEXPIRE', KEYS[1], capacity * interval + 60000)
            return wait
            """;

    private final RedisDataSource redis;
    private final String prefix;
    private final Function<Vendor, BudgetLimits> limits;

    /**
     * @param prefix the deployment's key prefix ({@code cache.redis.key-prefix}): replicas of one deployment share
     *               it, and with it their budget
     * @param limits each vendor's budget, from the vendor call policy's configuration
     */
    public RedisRequestBudget(RedisDataSource redis, String prefix, Function<Vendor, BudgetLimits> limits) {
        this.redis = redis;
        this.prefix = prefix + "budget:";
        this.limits = limits;
    }

    @Override
    public Duration acquire(Vendor vendor) {
        BudgetLimits budget = limits.apply(vendor);
        long deadline = System.nanoTime() + budget.maxWait().toNanos();
        long waited = 0;
        while (true) {
            long waitMillis = take(vendor, budget);
            if (waitMillis <= 0) {
                return Duration.ofMillis(waited);
            }
            if (System.nanoTime() + waitMillis * 1_000_000 > deadline) {
                Duration retryAfter = Duration.ofMillis(waitMillis);
                throw new VendorException.RateLimited(vendor, vendorName(vendor) + " request budget is used up ("
                        + budget.permits() + " calls per " + budget.period() + "); retry after "
                        + Math.max(1, retryAfter.toSeconds()) + " s", retryAfter);
            }
            try {
                Thread.sleep(waitMillis);
                waited += waitMillis;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VendorException.RateLimited(vendor, vendorName(vendor) + " request budget: interrupted "
                        + "while waiting for a permit", Duration.ofMillis(waitMillis));
            }
        }
    }

    /** Empties every vendor's bucket record, so the next calls start from a full burst (used between tests). */
    @Override
    public void reset() {
        for (Vendor vendor : Vendor.values()) {
            redis.key().del(key(vendor));
        }
    }

    private String key(Vendor vendor) {
        return prefix + vendor.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One attempt at a permit: 0 when taken, else the milliseconds until the next one. */
    long take(Vendor vendor, BudgetLimits budget) {
        return redis.execute("EVAL", TAKE, "1", key(vendor),
                String.valueOf(budget.burst()), String.valueOf(Math.max(1, budget.interval().toMillis()))).toLong();
    }

    private static String vendorName(Vendor vendor) {
        return switch (vendor) {
            case WINDSURF -> "Windsurf";
            case TABNINE -> "Tabnine";
        };
    }
}
