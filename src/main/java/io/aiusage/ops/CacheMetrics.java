package io.aiusage.ops;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.aiusage.domain.Vendor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The window-keyed vendor cache as operators see it, whichever store holds the entries (Caffeine or Redis):
 * {@code aiusage.cache.requests{vendor,dataset,result=hit|miss|stale}} counts entries asked for (one per day, period
 * or unwindowed item), {@code aiusage.cache.loads{vendor,dataset,result=success|failure}} times the vendor fetches
 * that fill it, background refreshes included. Hand-written: Caffeine's own statistics (on for {@code vendor-data})
 * count store lookups, not answers, know nothing of stale serves or datasets, and Redis has none of ours. Labels are
 * the vendor and the dataset name only, never a scope, key or window.
 */
@Singleton
public class CacheMetrics {

    static final String REQUESTS = "aiusage.cache.requests";
    static final String LOADS = "aiusage.cache.loads";

    private final MeterRegistry registry;
    /** Meters by name and labels: a cached Tabnine seat list reads one entry per user, tens of thousands a request. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One read: {@code hits} entries served fresh from the store, {@code misses} fetched from the vendor (or found in
     * the store after waiting for an identical fetch), {@code stale} served past their lifetime because the vendor
     * failed.
     */
    public void requested(Vendor vendor, String dataset, int hits, int misses, int stale) {
        count(vendor, dataset, "hit", hits);
        count(vendor, dataset, "miss", misses);
        count(vendor, dataset, "stale", stale);
    }

    /** Runs {@code fetch}, one vendor fetch of a run of entries, and times it by result. */
    public <T> T load(Vendor vendor, String dataset, Supplier<T> fetch) {
        long started = System.nanoTime();
        String result = "failure";
        try {
            T loaded = fetch.get();
            result = "success";
            return loaded;
        } finally {
            String labels = result;
            timers.computeIfAbsent(vendor + "/" + dataset + "/" + result, k -> Timer.builder(LOADS)
                    .description("Vendor fetches that filled the cache, by result")
                    .tags("vendor", vendor(vendor), "dataset", dataset, "result", labels).register(registry))
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Registers all three results at a dataset's first read, so the first stale serve shows as an increase. */
    private void count(Vendor vendor, String dataset, String result, int entries) {
        counters.computeIfAbsent(vendor + "/" + dataset + "/" + result, k -> Counter.builder(REQUESTS)
                .description("Cache entries asked for, by result")
                .tags("vendor", vendor(vendor), "dataset", dataset, "result", result).register(registry))
                .increment(entries);
    }

    private static String vendor(Vendor vendor) {
        return vendor.name().toLowerCase(Locale.ROOT);
    }
}
