package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void isHalfOpen() {
        TimeWindow w = TimeWindow.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(w.contains(Instant.parse("2026-01-01T00:00:00Z")));
        assertTrue(w.contains(Instant.parse("2026-01-01T23:59:59.999Z")));
        assertFalse(w.contains(Instant.parse("2026-01-02T00:00:00Z")));
    }

    @Test
    void rejectsEmptyOrReversedWindows() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.of(t, t));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.of(t.plusSeconds(1), t));
    }

    @Test
    void wholeDaysFloorsTheStartAndCeilsTheEnd() {
        TimeWindow w = TimeWindow.of(Instant.parse("2026-01-01T13:00:00Z"), Instant.parse("2026-01-03T00:00:01Z"));
        assertEquals(TimeWindow.days(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-04")), w.toWholeDays());
        TimeWindow exact = TimeWindow.days(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"));
        assertEquals(exact, exact.toWholeDays());
    }

    @Test
    void lastDaysEndsAfterToday() {
        TimeWindow w = TimeWindow.lastDays(7, Instant.parse("2026-05-10T15:00:00Z"));
        assertEquals(TimeWindow.days(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-11")), w);
    }
}
