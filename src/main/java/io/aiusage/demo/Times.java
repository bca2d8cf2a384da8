package io.aiusage.demo;

import java.time.Instant;

/**
 * Instants as the compact activity logs hold them: an epoch day and the microseconds into it (every demo time is
 * whole microseconds), compared with request windows without building an {@link Instant} per row.
 */
final class Times {

    static final long SECONDS_PER_DAY = 86_400;
    static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long MICROS_PER_DAY = SECONDS_PER_DAY * MICROS_PER_SECOND;

    private Times() {
    }

    /** The microseconds of {@code at} into {@code epochDay}; {@code at} must lie in that UTC day. */
    static long microsOfDay(Instant at, long epochDay) {
        long seconds = at.getEpochSecond() - epochDay * SECONDS_PER_DAY;
        long micros = seconds * MICROS_PER_SECOND + at.getNano() / 1000;
        if (at.getNano() % 1000 != 0 || micros < 0 || micros >= MICROS_PER_DAY) {
            throw new IllegalArgumentException(at + " is not a whole microsecond of epoch day " + epochDay);
        }
        return micros;
    }

    static Instant instant(long epochDay, long microsOfDay) {
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + microsOfDay / MICROS_PER_SECOND,
                microsOfDay % MICROS_PER_SECOND * 1000);
    }

    /** Whether the moment {@code microsOfDay} into {@code epochDay} lies in {@code [from, to)}. */
    static boolean within(long epochDay, long microsOfDay, Instant from, Instant to) {
        long seconds = epochDay * SECONDS_PER_DAY + microsOfDay / MICROS_PER_SECOND;
        int nanos = (int) (microsOfDay % MICROS_PER_SECOND * 1000);
        return compare(seconds, nanos, from) >= 0 && compare(seconds, nanos, to) < 0;
    }

    /** The first epoch day that does not start before {@code to}: the days before it start before {@code to}. */
    static long daysStartingBefore(Instant to) {
        long seconds = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        return Math.ceilDiv(seconds, SECONDS_PER_DAY);
    }

    /** The index of the first of the ascending {@code epochDays} on or after {@code epochDay} (their length if none). */
    static int firstOnOrAfter(int[] epochDays, long epochDay) {
        int low = 0;
        int high = epochDays.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (epochDays[middle] < epochDay) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the first of the ascending {@code epochDays} that ends after {@code from}. */
    static int firstEndingAfter(int[] epochDays, Instant from) {
        return firstOnOrAfter(epochDays, Math.floorDiv(from.getEpochSecond(), SECONDS_PER_DAY));
    }

    /** The index after the last of the ascending {@code epochDays} that starts before {@code to}. */
    static int endStartingBefore(int[] epochDays, Instant to) {
        return firstOnOrAfter(epochDays, daysStartingBefore(to));
    }

    private static int compare(long seconds, int nanos, Instant other) {
        int bySeconds = Long.compare(seconds, other.getEpochSecond());
        return bySeconds != 0 ? bySeconds : Integer.compare(nanos, other.getNano());
    }
}
