package io.aiusage.connector.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.aiusage.config.CacheConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Issue 16, build 3: the in-process store is bounded by estimated bytes, not by entry count. A day of Custom
 * Analytics rows for a whole organisation weighs what its rows weigh, and many small activity summaries weigh little.
 */
class CaffeineEntryStoreTest {

    private static final JavaType ANY = TypeFactory.defaultInstance().constructType(Object.class);
    private static final Instant AT = Instant.parse("2026-03-06T12:00:00Z");

    @Test
    void aLargeEntryTakesTheRoomOfItsRowsAndSmallOnesFitByTheThousand() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CaffeineEntryStore store = new CaffeineEntryStore(bounded(new MemorySize(java.math.BigInteger.valueOf(1024 * 1024))), registry);

        // 1,500 one-row entries: about 1,500 x 0.45 kB, inside 1 MiB
        for (int i = 0; i < 1500; i++) {
            store.put("TABNINE|user-activity|user:" + i + "|last-activity", new StoredEntry<>(List.of(i), AT),
                    Duration.ZERO);
        }
        assertEquals(1500, held(store, 1500));
        long small = store.weightedSize();
        assertTrue(small > 1_000_000 / 2 && small <= 1_048_576, () -> "1,500 entries weigh " + small + " bytes");

        // one organisation-wide day of 10,000 rows is estimated at about 1.7 MB: more than the whole bound, so it is
        // not kept (a count bound would have kept it)
        store.put("WINDSURF|analytics|org|2026-03-06",
                new StoredEntry<>(new ArrayList<>(Collections.nCopies(10_000, "row")), AT), Duration.ZERO);
        assertTrue(store.weightedSize() <= 1_048_576, "the bound holds in bytes");
        assertTrue(store.getAll(List.of("WINDSURF|analytics|org|2026-03-06"), ANY).isEmpty());
        assertTrue(registry.find("cache.evictions").tag("cache", "vendor-data").functionCounter().count() >= 1,
                "the eviction shows in the store's own statistics");
    }

    @Test
    void unsetTheBoundIsFortyPercentOfTheMaximumHeap() {
        CacheConfig.InProcess unset = bounded(null);
        assertEquals(400L * 1024 * 1024, unset.maxBytes(1000L * 1024 * 1024));
        assertEquals(256L * 1024 * 1024, bounded(new MemorySize(java.math.BigInteger.valueOf(256L * 1024 * 1024))).maxBytes(1000L * 1024 * 1024));

        CaffeineEntryStore store = new CaffeineEntryStore(unset, new SimpleMeterRegistry());
        assertEquals((long) (Runtime.getRuntime().maxMemory() * 0.4), store.maximumWeight());
    }

    private static int held(CaffeineEntryStore store, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("TABNINE|user-activity|user:" + i + "|last-activity");
        }
        return store.getAll(keys, ANY).size();
    }

    private static CacheConfig.InProcess bounded(MemorySize size) {
        return new CacheConfig.InProcess() {
            @Override
            public Optional<MemorySize> maxSize() {
                return Optional.ofNullable(size);
            }

            @Override
            public Duration expireAfterWrite() {
                return Duration.ofDays(31);
            }
        };
    }
}
