package io.aiusage.connector.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.aiusage.config.VendorPolicyConfig;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.aiusage.ops.UpstreamCalls;
import io.aiusage.ops.UpstreamCalls.Hold;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One vendor's call policy, shared by all of its endpoints and by every concurrent request. Each call, and each retry
 * of it, passes: the Retry-After hold-back (a wait up to the cap, else an immediate VENDOR_RATE_LIMITED), the circuit
 * breaker, the request budget, then the HTTP call. Retry and breaker are SmallRye Fault Tolerance {@link Guard}s built
 * from configuration; they are two guards, nested, so the budget and hold-back sit between them: every retry draws a
 * permit, and a call the policy refused itself is neither retried nor counted by the breaker. Timeouts are the REST
 * client's own (connect and read), which close the connection cleanly; the request deadline is the domain's.
 */
public final class VendorPolicy {

    private final Vendor vendor;
    private final String vendorName;
    private final String breakerName;
    private final Duration retryAfterCap;
    private final Duration breakerDelay;
    private final RequestBudget budget;
    private final VendorActivity activity;
    private final CircuitBreakerMaintenance breakers;
    private final UpstreamCalls upstream;
    private final Guard retry;
    private final Guard breaker;

    VendorPolicy(Vendor vendor, VendorPolicyConfig.Policy config, RequestBudget budget, VendorActivity activity,
            CircuitBreakerMaintenance breakers, UpstreamCalls upstream) {
        this.vendor = vendor;
        this.vendorName = vendor.name().charAt(0) + vendor.name().substring(1).toLowerCase(Locale.ROOT);
        this.breakerName = breakerName(vendor);
        this.retryAfterCap = config.retry().retryAfterCap();
        this.breakerDelay = config.breaker().delay();
        this.budget = budget;
        this.activity = activity;
        this.breakers = breakers;
        this.upstream = upstream;
        VendorPolicyConfig.Retry retries = config.retry();
        this.retry = Guard.create().withDescription(breakerName + " retry")
                .withRetry()
                .maxRetries(retries.maxRetries())
                .delay(retries.delay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(retries.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(this::retryable)
                .beforeRetry(cause -> Log.debugf("Retrying %s after %s", vendorName, describe(cause)))
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(retries.maxDelay())).done()
                .done()
                .build();
        VendorPolicyConfig.Breaker settings = config.breaker();
        this.breaker = Guard.create().withDescription(breakerName + " circuit breaker")
                .withCircuitBreaker()
                .name(breakerName)
                .requestVolumeThreshold(settings.requestVolumeThreshold())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(settings.successThreshold())
                .when(VendorPolicy::vendorFailure)
                .onStateChange(state -> Log.infof("%s circuit breaker is now %s", vendorName, state))
                .done()
                .build();
    }

    /** The breaker's name, as {@link CircuitBreakerMaintenance} knows it: the vendor in lower case. */
    static String breakerName(Vendor vendor) {
        return vendor.name().toLowerCase(Locale.ROOT);
    }

    /** Whether an HTTP status is worth retrying: 502, 503, 504 (a 429 is a {@link VendorException.RateLimited}). */
    public static boolean retryableStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /**
     * Runs {@code request}, one vendor HTTP call that throws only {@link VendorException}s, under this policy.
     * {@code endpoint} names it in metrics and traces: a constant of the client, never an id or an argument.
     *
     * @throws VendorException the request's own failure after retries, or the policy's refusal: VENDOR_RATE_LIMITED
     *                         (budget spent, vendor held back) or VENDOR_UNAVAILABLE (breaker open)
     */
    @SuppressWarnings("unchecked")
    public <T> T call(String endpoint, Supplier<T> request) {
        return upstream.observe(vendor, endpoint, call -> {
            try {
                return (T) retry.get(() -> attempt(call, request), Object.class);
            } catch (PolicyRejection refused) {
                throw refused.failure();
            }
        });
    }

    private Object attempt(UpstreamCalls.Call call, Supplier<?> request) {
        call.attempt();
        holdBack();
        if (breakerState() == CircuitBreakerState.OPEN) {
            throw refused(Hold.BREAKER_OPEN, breakerOpen());
        }
        try {
            upstream.waited(vendor, Hold.BUDGET, budget.acquire(vendor));
        } catch (VendorException.RateLimited spent) {
            throw refused(Hold.BUDGET, spent);
        }
        try {
            return breaker.get(request::get, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw refused(Hold.BREAKER_OPEN, breakerOpen());
        } catch (VendorException failed) {
            call.attemptFailed(failed);
            throw failed;
        }
    }

    private PolicyRejection refused(Hold reason, VendorException failure) {
        upstream.rejected(vendor, reason);
        return new PolicyRejection(failure);
    }

    /**
     * Honours the vendor's last Retry-After for every call: waits it out when it is within the cap, else refuses the
     * call at once, so no request reaches a vendor that asked for a longer pause.
     */
    private void holdBack() {
        Instant now = Instant.now();
        Instant until = activity.rateLimitedUntil(vendor, now);
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(now, until);
        if (wait.compareTo(retryAfterCap) > 0) {
            throw refused(Hold.RETRY_AFTER, new VendorException.RateLimited(vendor, vendorName
                    + " asked for a pause until " + until.truncatedTo(ChronoUnit.SECONDS)
                    + "; no call is made to it before then", wait));
        }
        upstream.waited(vendor, Hold.RETRY_AFTER, wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CircuitBreakerState breakerState() {
        try {
            return breakers.currentState(breakerName);
        } catch (IllegalArgumentException notYetUsed) {
            return CircuitBreakerState.CLOSED;
        }
    }

    void resetBreaker() {
        try {
            breakers.reset(breakerName);
        } catch (IllegalArgumentException notYetUsed) {
            // a breaker that never saw a call is closed already
        }
    }

    private VendorException breakerOpen() {
        return new VendorException.Unavailable(vendor, vendorName + " failed repeatedly, so calls to it are paused "
                + "(circuit breaker open; the next trial call within " + breakerDelay.toSeconds() + " s)", null, false);
    }

    /**
     * 429 with a Retry-After within the cap (or none), and 502/503/504, connection failures and timeouts. Never a call
     * its caller gave up on (a fan-out cancelled after a sibling failed interrupts it): that is not the vendor failing,
     * and retrying it would spend the budget on an answer nobody waits for.
     */
    private boolean retryable(Throwable failure) {
        if (Thread.currentThread().isInterrupted() || causedByInterrupt(failure)) {
            return false;
        }
        return failure instanceof VendorException.Unavailable unavailable && unavailable.retryable()
                || failure instanceof VendorException.RateLimited limited
                        && (limited.retryAfter() == null || limited.retryAfter().compareTo(retryAfterCap) <= 0);
    }

    private static boolean causedByInterrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** What the breaker counts as a failure: the vendor down or unreachable, not a refusal, a bad request or a call
     * its caller cancelled. */
    private static boolean vendorFailure(Throwable failure) {
        return failure instanceof VendorException.Unavailable && !causedByInterrupt(failure);
    }

    private static String describe(Throwable cause) {
        return cause instanceof VendorException e ? e.code() : "a failure";
    }
}
