package io.aiusage.connector.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The in-process request budget's bucket: a burst at once, then waits in order, and a refusal past the bound. */
class TokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theBurstGoesAtOnceThenCallersWaitInTurnAndPastTheBoundAreRefused() {
        // one call per second on average, two at once
        TokenBucketBudget.Bucket bucket = new TokenBucketBudget.Bucket(60, Duration.ofMinutes(1), 2);

        assertEquals(0, bucket.reserve(0));
        assertEquals(0, bucket.reserve(0));
        long refused = bucket.reserve(0);
        long first = bucket.reserve(10 * SECOND);
        long second = bucket.reserve(10 * SECOND);

        assertTrue(refused < 0 && -refused <= SECOND, "refused, with the wait it would have needed: " + refused);
        assertTrue(first > 0 && first <= SECOND, "the next permit comes within a second: " + first);
        assertTrue(second > first + SECOND / 2, "the caller after waits for the permit after: " + second);
        long tooLong = bucket.reserve(first);
        assertTrue(tooLong < 0, "two permits are promised already, a third is beyond the bound: " + tooLong);
    }

    @Test
    void aRefilledBucketServesAFullBurstAgain() {
        TokenBucketBudget.Bucket bucket = new TokenBucketBudget.Bucket(5, Duration.ofHours(1), 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.reserve(0));
        }
        assertTrue(bucket.reserve(0) < 0);

        bucket.refill();

        assertEquals(0, bucket.reserve(0));
    }
}
