package io.aiusage.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** A moment in the given UTC hour, to the microsecond. */
    static Instant time(LocalDate date, int hour, SplittableRandom random) {
        long micros = random.nextLong(3_600_000_000L);
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + micros / 1_000_000,
                micros % 1_000_000 * 1_000);
    }

    /**
     * {@code count} distinct values of {@code [from, to)} in ascending order. Draws exactly as {@link #sample} of
     * that range would (the organisation must not change), without its boxing and copying: it runs for every day.
     */
    static List<Integer> sortedSample(SplittableRandom random, int from, int to, int count) {
        int[] values = new int[to - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        // Collections.shuffle's loop
        for (int i = values.length; i > 1; i--) {
            int j = random.nextInt(i);
            int swapped = values[i - 1];
            values[i - 1] = values[j];
            values[j] = swapped;
        }
        int[] chosen = Arrays.copyOf(values, Math.min(count, values.length));
        Arrays.sort(chosen);
        Integer[] boxed = new Integer[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            boxed[i] = chosen[i];
        }
        return List.of(boxed);
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
