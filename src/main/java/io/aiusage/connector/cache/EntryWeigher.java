package io.aiusage.connector.cache;

import java.util.Collection;
import java.util.Map;

/**
 * Estimated heap bytes of one in-process entry, so the store is bounded by memory ({@code cache.in-process.max-size})
 * rather than by a count: entries range from one user's activity summary (about 300 bytes) to a Windsurf day of
 * Custom Analytics rows for 35,000 users (megabytes), so no entry count bounds memory.
 * <p>
 * Hand-written because Caffeine bounds by weight but leaves the weighing to the application, and measuring object
 * graphs exactly (JOL, instrumentation) walks them by reflection on every write and is not available in a native
 * image. The constants are the sizes of this gateway's cached rows on a 64-bit JVM with compressed references,
 * checked against a class histogram ({@code jcmd <pid> GC.class_histogram}) of the benchmark's 50,000-person
 * organisation after its seat overview, {@code people(first: 500)} and team comparison: 1.64 million cached rows,
 * nearly all days of usage (a {@code DailyUsage} and its {@code UsageFigures}, 80 bytes, with boxed figures and its
 * list slot, its account id and day shared), about 140 bytes each on average with the few seat and user rows (300
 * to 500 bytes) among them. {@link #ROW} rounds that up.
 */
final class EntryWeigher {

    /** Caffeine's node, the key string's header and the {@link StoredEntry} with its {@code Instant}. */
    static final int ENTRY = 160;
    /** One cached row (a record of a list value) with its strings and boxed numbers. */
    static final int ROW = 160;
    /** A value that is not a list: a count, a summary, a small record. */
    static final int SCALAR = 64;

    private EntryWeigher() {
    }

    /** The estimate for one entry; Caffeine sums these against the bound. */
    static int weigh(String key, StoredEntry<?> entry) {
        long bytes = ENTRY + 2L * key.length() + valueBytes(entry.value());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    static long valueBytes(Object value) {
        if (value instanceof Collection<?> rows) {
            return 24 + (8L + ROW) * rows.size();
        }
        if (value instanceof Map<?, ?> rows) {
            return 48 + (40L + ROW) * rows.size();
        }
        return value == null ? 0 : SCALAR;
    }
}
