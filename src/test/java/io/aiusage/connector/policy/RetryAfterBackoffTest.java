package io.aiusage.connector.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/** The wait before a retry: the vendor's Retry-After when it sent one, else jittered exponential back-off. */
class RetryAfterBackoffTest {

    @Test
    void aRetryAfterIsWaitedInFullAndOnlyALittleLonger() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofSeconds(4));
        backoff.init(500);

        for (int i = 0; i < 50; i++) {
            long wait = backoff.nextDelayInMillis(
                    new VendorException.RateLimited(Vendor.WINDSURF, "rate limited", Duration.ofSeconds(2)));
            assertTrue(wait >= 2000 && wait < 2200, "wait " + wait);
        }
    }

    @Test
    void otherwiseTheBackOffDoublesWithJitterUpToTheMaximum() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofMillis(1600));
        backoff.init(200);
        VendorException unavailable = new VendorException.Unavailable(Vendor.TABNINE, "HTTP 503", null);

        long[] ceilings = { 200, 400, 800, 1600, 1600 };
        for (long ceiling : ceilings) {
            long wait = backoff.nextDelayInMillis(unavailable);
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "wait " + wait + " outside [" + ceiling / 2 + ", "
                    + ceiling + "]");
        }
    }

    @Test
    void aRateLimitWithoutRetryAfterBacksOffLikeAnyFailure() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofSeconds(4));
        backoff.init(300);

        long wait = backoff.nextDelayInMillis(new VendorException.RateLimited(Vendor.TABNINE, "rate limited", null));

        assertTrue(wait >= 150 && wait <= 300, "wait " + wait);
    }
}
