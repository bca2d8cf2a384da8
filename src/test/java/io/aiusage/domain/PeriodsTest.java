package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static TimeWindow days(String from, String toExclusive) {
        return TimeWindow.days(LocalDate.parse(from), LocalDate.parse(toExclusive));
    }

    @Test
    void dayPeriodsAreUtcDaysOfTheWindowWidenedToWholeDays() {
        TimeWindow window = TimeWindow.of(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-03T01:00:00Z"));
        List<TimeWindow> periods = Periods.of(window, Granularity.DAY);
        assertEquals(List.of(days("2026-03-01", "2026-03-02"), days("2026-03-02", "2026-03-03"),
                days("2026-03-03", "2026-03-04")), periods);
    }

    @Test
    void weekPeriodsStartOnMondayAndAreClippedToTheWindow() {
        // 2026-03-04 is a Wednesday; 2026-03-09 and 2026-03-16 are Mondays.
        List<TimeWindow> periods = Periods.of(days("2026-03-04", "2026-03-18"), Granularity.WEEK);
        assertEquals(List.of(days("2026-03-04", "2026-03-09"), days("2026-03-09", "2026-03-16"),
                days("2026-03-16", "2026-03-18")), periods);
    }

    @Test
    void monthPeriodsFollowTheCalendar() {
        List<TimeWindow> periods = Periods.of(days("2026-01-15", "2026-03-10"), Granularity.MONTH);
        assertEquals(List.of(days("2026-01-15", "2026-02-01"), days("2026-02-01", "2026-03-01"),
                days("2026-03-01", "2026-03-10")), periods);
    }

    @Test
    void totalIsOneBucketOverTheWholeDayWindow() {
        TimeWindow window = TimeWindow.of(Instant.parse("2026-01-01T06:00:00Z"), Instant.parse("2026-01-31T00:00:00Z"));
        assertEquals(List.of(days("2026-01-01", "2026-01-31")), Periods.of(window, Granularity.TOTAL));
    }

    @Test
    void indexOfFindsThePeriodHoldingADay() {
        List<TimeWindow> weeks = Periods.of(days("2026-03-04", "2026-03-18"), Granularity.WEEK);
        assertEquals(0, Periods.indexOf(weeks, LocalDate.parse("2026-03-08")));
        assertEquals(1, Periods.indexOf(weeks, LocalDate.parse("2026-03-09")));
        assertEquals(2, Periods.indexOf(weeks, LocalDate.parse("2026-03-17")));
        assertEquals(-1, Periods.indexOf(weeks, LocalDate.parse("2026-03-18")));
    }
}
