package io.aiusage.connector.policy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.aiusage.domain.port.VendorException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before each retry of one call: the vendor's {@code Retry-After} when a 429 carried one (the retry decision
 * has already refused any longer than the cap), else exponential back-off with "equal jitter" (half the delay fixed,
 * half random), so many callers failing together do not retry together. A new instance serves each guarded call.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private long nextMillis;

    RetryAfterBackoff(Duration maxDelay) {
        this.maxDelayMillis = maxDelay.toMillis();
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long backoff = Math.min(maxDelayMillis, nextMillis);
        nextMillis = Math.min(maxDelayMillis, nextMillis * 2);
        if (cause instanceof VendorException.RateLimited limited && limited.retryAfter() != null) {
            long asked = limited.retryAfter().toMillis();
            // never earlier than the vendor said; a little later, so callers told the same do not return at once
            return asked + ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(asked / 10, backoff)));
        }
        return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    }
}
