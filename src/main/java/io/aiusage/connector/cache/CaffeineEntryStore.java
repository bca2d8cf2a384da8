package io.aiusage.connector.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JavaType;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

/**
 * Entries in this process, in the Quarkus cache {@code vendor-data} (Caffeine), bounded by
 * {@code quarkus.cache.caffeine."vendor-data".maximum-size} and kept at most its {@code expire-after-write}. The
 * bound counts entries (one per vendor, endpoint, scope and day); a bound in bytes would go there as well.
 */
final class CaffeineEntryStore implements EntryStore {

    private final CaffeineCache cache;

    CaffeineEntryStore(Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, StoredEntry<T>> getAll(List<String> keys, JavaType entryType) {
        Map<String, StoredEntry<T>> held = new LinkedHashMap<>();
        for (String key : keys) {
            CompletableFuture<Object> value = cache.getIfPresent(key);
            if (value != null && value.isDone() && !value.isCompletedExceptionally()) {
                held.put(key, (StoredEntry<T>) value.join());
            }
        }
        return held;
    }

    /** Caffeine keeps every entry for the configured expire-after-write; {@code keep} is for stores that can vary it. */
    @Override
    public <T> void put(String key, StoredEntry<T> entry, Duration keep) {
        cache.put(key, CompletableFuture.completedFuture(entry));
    }

    @Override
    public void remove(String key) {
        cache.invalidate(key).await().indefinitely();
    }

    @Override
    public void clear() {
        cache.invalidateAll().await().indefinitely();
    }
}
