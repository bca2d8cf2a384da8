package io.aiusage.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a window into the calendar periods of a granularity. The window is first widened to whole UTC days; each
 * period is then the calendar period (UTC day, ISO week, month) clipped to that window, so the first and last
 * periods may be shorter than a full week or month. TOTAL is one period: the whole-day window.
 */
public final class Periods {

    private Periods() {
    }

    public static List<TimeWindow> of(TimeWindow window, Granularity granularity) {
        TimeWindow days = window.toWholeDays();
        LocalDate start = days.firstDay();
        LocalDate end = days.endDayExclusive();
        if (granularity == Granularity.TOTAL) {
            return List.of(days);
        }
        List<TimeWindow> periods = new ArrayList<>();
        LocalDate cursor = start;
        while (cursor.isBefore(end)) {
            LocalDate next = nextBoundary(cursor, granularity);
            if (next.isAfter(end)) {
                next = end;
            }
            periods.add(TimeWindow.days(cursor, next));
            cursor = next;
        }
        return periods;
    }

    private static LocalDate nextBoundary(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY, TOTAL -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
        };
    }

    /** Index of the period in {@code periods} containing {@code day}, or -1. */
    public static int indexOf(List<TimeWindow> periods, LocalDate day) {
        java.time.Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).contains(at)) {
                return i;
            }
        }
        return -1;
    }
}
