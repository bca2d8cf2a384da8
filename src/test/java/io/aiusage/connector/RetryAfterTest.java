package io.aiusage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    @Test
    void delayInSeconds() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
    }

    @Test
    void httpDateIsTheTimeLeftUntilThen() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Thu, 01 May 2025 12:01:30 GMT", NOW));
    }

    @Test
    void httpDateInThePastMeansNoWait() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Thu, 01 May 2025 11:59:00 GMT", NOW));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  ", "soon", "-5", "1.5", "2025-05-01T12:01:30Z" })
    void absentOrUnreadableMeansUnknown(String header) {
        assertNull(RetryAfter.parse(header, NOW));
    }
}
