package io.aiusage.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The last result derived from some inputs, reused while the same inputs come back. Inputs are compared by identity:
 * the in-process cache hands back the same objects while an entry is unchanged, so a seat overview of 50,000 people
 * over unchanged entries need not map and merge 65,000 accounts again. A {@code key} (compared by equals) covers
 * what is not an object from the cache, and a computation may say until when its result holds (null: not reused).
 * With the Redis store every read is a new object and nothing is reused. Hand-written: a cache keyed by object
 * identity with one slot is a field, not a library.
 */
public final class LastResult<T> {

    private record Entry<T>(List<Object> inputs, Object key, Instant until, T result) {
    }

    private volatile Entry<T> last;

    /**
     * The result for {@code inputs} and {@code key} at {@code now}: the last one when both match and it still holds,
     * else {@code compute}'s, kept until {@code until} says (null: not kept).
     */
    public T get(List<?> inputs, Object key, Instant now, Supplier<T> compute, Function<T, Instant> until) {
        return get(inputs, key, now, compute, until, UnaryOperator.identity());
    }

    /** As above; a reused result is handed out through {@code reused} (e.g. to say it now comes from the cache). */
    public T get(List<?> inputs, Object key, Instant now, Supplier<T> compute, Function<T, Instant> until,
            UnaryOperator<T> reused) {
        Entry<T> held = last;
        if (held != null && now.isBefore(held.until()) && held.key().equals(key) && same(held.inputs(), inputs)) {
            return reused.apply(held.result());
        }
        T result = compute.get();
        Instant holds = until.apply(result);
        last = holds == null ? null : new Entry<>(List.copyOf(inputs), key, holds, result);
        return result;
    }

    private static boolean same(List<Object> held, List<?> inputs) {
        if (held.size() != inputs.size()) {
            return false;
        }
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i) != inputs.get(i)) {
                return false;
            }
        }
        return true;
    }
}
