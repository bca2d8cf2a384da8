package io.aiusage.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The organisation generator's random draws and ids. Every stream and id derives from the seed, so the same settings
 * always give the same organisation.
 */
final class Draws {

    private Draws() {
    }

    /** The random stream of one person on one vendor (or of the organisation: person 0 of "organisation"). */
    static SplittableRandom random(long seed, String stream, int person) {
        return new SplittableRandom((seed * 1_000_003L + person) * 31 + stream.hashCode());
    }

    /** A deterministic name-based UUID of the given kind and key. */
    static String uuid(long seed, String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + seed + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A version-4-shaped UUID drawn from the seat's stream (cheaper than hashing, as deterministic). */
    static String randomUuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A moment in the given UTC hour, to the microsecond. */
    static Instant time(LocalDate date, int hour, SplittableRandom random) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(hour, ChronoUnit.HOURS)
                .plus(random.nextLong(3_600_000_000L), ChronoUnit.MICROS);
    }

    static List<Integer> hourRange(int from, int to) {
        List<Integer> hours = new ArrayList<>();
        for (int hour = from; hour < to; hour++) {
            hours.add(hour);
        }
        return hours;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static <T> List<T> sample(SplittableRandom random, List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    /** Index drawn with the given weights; {@code weights.length} (none) with the remaining probability. */
    static int weightedIndex(SplittableRandom random, double... weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length;
    }

    /** Index drawn with the given weights; {@code weights.size()} (none) with the remaining probability. */
    static int weightedIndex(SplittableRandom random, List<Double> weights) {
        return weightedIndex(random, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static <T extends Comparable<? super T>> T earliest(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static <T extends Comparable<? super T>> T latest(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
