package io.aiusage.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open UTC interval {@code [from, to)}. Every usage question is asked over one.
 * Construction enforces {@code from < to}; the API layer validates the span and names the argument.
 */
public record TimeWindow(Instant from, Instant to) {

    /** The longest window a caller may ask for. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static TimeWindow of(Instant from, Instant to) {
        return new TimeWindow(from, to);
    }

    /** Window covering the whole UTC days {@code [firstDay, endDayExclusive)}. */
    public static TimeWindow days(LocalDate firstDay, LocalDate endDayExclusive) {
        return new TimeWindow(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                endDayExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The last {@code days} whole UTC days up to and including today. */
    public static TimeWindow lastDays(int days, Instant now) {
        LocalDate tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        return days(tomorrow.minusDays(days), tomorrow);
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The same window widened to whole UTC days: {@code from} floored, {@code to} ceiled. */
    public TimeWindow toWholeDays() {
        Instant f = from.truncatedTo(ChronoUnit.DAYS);
        Instant t = to.truncatedTo(ChronoUnit.DAYS);
        if (t.isBefore(to)) {
            t = t.plus(1, ChronoUnit.DAYS);
        }
        return new TimeWindow(f, t);
    }

    /** First UTC day touched by the window. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The UTC day after the last day touched by the window. */
    public LocalDate endDayExclusive() {
        return LocalDate.ofInstant(toWholeDays().to(), ZoneOffset.UTC);
    }
}
