package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.aiusage.domain.TimeWindow;

/**
 * What the gateway keeps of one Tabnine user's activity: the last UTC day with activity seen so far
 * ({@code lastActiveDay}, null when none) and the first day whose usage may still change ({@code openFrom}); every
 * day before it is closed, so it was read for good. The next read asks Tabnine only for the days from
 * {@code openFrom} on.
 * <p>
 * Why a summary and not the user's daily rows: last activity looks back {@code tabnine.activity-lookback-days} (366
 * by default). At 50,000 people (35,000 Tabnine users) that is 12.8 million user-days, gigabytes as cached rows and
 * millions of cache reads per seat overview; this summary is one small entry per user. Per-person usage still reads
 * daily rows, for the window asked only.
 */
public record TabnineActivity(LocalDate lastActiveDay, LocalDate openFrom) {

    /**
     * The summary after reading more days, whose last active day is {@code lastInRead} (null: none, or nothing
     * read); days before {@code openFrom} are closed now.
     */
    static TabnineActivity advance(TabnineActivity before, LocalDate lastInRead, LocalDate openFrom) {
        LocalDate last = before == null ? null : before.lastActiveDay();
        if (lastInRead != null && (last == null || lastInRead.isAfter(last))) {
            last = lastInRead;
        }
        return new TabnineActivity(last, openFrom);
    }

    /** The days still to ask for {@code lookback}: from the first open day (or the lookback's start) to its end. */
    static TimeWindow toRead(TabnineActivity before, TimeWindow lookback) {
        LocalDate from = lookback.firstDay();
        if (before != null && before.openFrom() != null && before.openFrom().isAfter(from)) {
            from = before.openFrom();
        }
        LocalDate end = lookback.endDayExclusive();
        return from.isBefore(end) ? TimeWindow.days(from, end) : null;
    }

    /** Start of the last active day within {@code lookback}, or null: day precision, as Tabnine reports it. */
    Instant lastActiveAt(TimeWindow lookback) {
        if (lastActiveDay == null || lastActiveDay.isBefore(lookback.firstDay())) {
            return null;
        }
        return lastActiveDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
