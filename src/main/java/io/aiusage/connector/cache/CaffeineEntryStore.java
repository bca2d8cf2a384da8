package io.aiusage.connector.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aiusage.config.CacheConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Entries in this process, in a Caffeine cache bounded by memory: at most {@code cache.in-process.max-size} bytes
 * (unset: 40 % of the maximum heap) by {@link EntryWeigher}'s estimate, each kept at most {@code cache.in-process.expire-after-write}. Caffeine's own
 * statistics are in {@code /q/metrics} as {@code cache_*{cache="vendor-data"}}. Built here rather than as a Quarkus
 * cache because the Quarkus cache configuration bounds Caffeine by entry count only.
 */
final class CaffeineEntryStore implements EntryStore {

    static final String NAME = "vendor-data";

    private final Cache<String, StoredEntry<?>> cache;

    CaffeineEntryStore(CacheConfig.InProcess config, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes(Runtime.getRuntime().maxMemory()))
                .weigher(EntryWeigher::weigh)
                .expireAfterWrite(config.expireAfterWrite())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, StoredEntry<T>> getAll(List<String> keys, JavaType entryType) {
        Map<String, StoredEntry<T>> held = new LinkedHashMap<>();
        for (String key : keys) {
            StoredEntry<?> entry = cache.getIfPresent(key);
            if (entry != null) {
                held.put(key, (StoredEntry<T>) entry);
            }
        }
        return held;
    }

    /** Every entry is kept for the configured expire-after-write; {@code keep} is for stores that can vary it. */
    @Override
    public <T> void put(String key, StoredEntry<T> entry, Duration keep) {
        cache.put(key, entry);
    }

    @Override
    public void remove(String key) {
        cache.invalidate(key);
    }

    @Override
    public void clear() {
        cache.invalidateAll();
    }

    /** The estimated bytes held now, after any pending eviction (tests). */
    long weightedSize() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** The bound in force, in estimated bytes (tests). */
    long maximumWeight() {
        return cache.policy().eviction().map(e -> e.getMaximum()).orElse(0L);
    }
}
