package io.aiusage.vendor.tabnine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void readsDelaySecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 03 Mar 2025 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 03 Mar 2025 09:00:00 GMT", NOW), "a date in the past");
    }

    @Test
    void absentOrUnreadableHeadersGiveNoDelay() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("", NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-5", NOW));
        assertNull(RetryAfter.parse("99999999999999999999999", NOW));
    }
}
