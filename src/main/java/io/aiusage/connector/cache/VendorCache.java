package io.aiusage.connector.cache;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.CacheConfig;
import io.aiusage.domain.Freshness;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.aiusage.ops.CacheMetrics;
import io.quarkus.virtual.threads.VirtualThreads;

/**
 * The window-keyed vendor cache that connectors read through (connector, then this cache, then the vendor call policy
 * and the REST client). Windowed data is held per UTC day (or per vendor period): a window is cut into its days,
 * held days are served, and each missing run of consecutive days is fetched with one vendor call, through
 * {@link SingleFlight} so concurrent identical misses share one call. Fresh entries read late in their life are
 * refreshed in the background. When a fetch fails, entries past their lifetime but within {@code cache.stale-max-age}
 * are served, marked stale, with a warning; a failure is never stored. Every answer says how fresh it is.
 */
@ApplicationScoped
public class VendorCache {

    private final EntryStore store;
    private final Lifetimes lifetimes;
    private final Clock clock;
    private final SingleFlight flights = new SingleFlight();
    private final BackgroundRefresh background;
    private final CacheMetrics metrics;

    VendorCache(EntryStore store, CacheConfig config, Clock clock, @VirtualThreads ExecutorService executor,
            CacheMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.lifetimes = new Lifetimes(config);
        this.clock = clock;
        this.background = new BackgroundRefresh(executor);
    }

    /**
     * One value per UTC day of {@code window} (widened to whole days), in day order. {@code fetch} gets the whole-day
     * window of one missing run and returns its days' values; a day it leaves out holds {@code dataset.empty()}.
     */
    public <T> Fetched<List<T>> days(Dataset<T> dataset, String scope, TimeWindow window,
            Function<TimeWindow, Map<LocalDate, T>> fetch) {
        return read(dataset, scope, Slot.days(window), run -> {
            Map<LocalDate, T> byDay = fetch.apply(Slot.span(run));
            Map<Slot, T> values = new LinkedHashMap<>();
            run.forEach(slot -> values.put(slot, byDay.get(slot.window().firstDay())));
            return values;
        }).map(values -> List.copyOf(values.values()));
    }

    /**
     * One value per period (consecutive, contiguous), for figures that cannot be summed from days and are asked at the
     * period's own granularity ({@code granularity} is part of the key). {@code fetch} gets one missing run's periods
     * and returns a value per period.
     */
    public <T> Fetched<Map<TimeWindow, T>> periods(Dataset<T> dataset, String scope, String granularity,
            List<TimeWindow> periods, Function<List<TimeWindow>, Map<TimeWindow, T>> fetch) {
        return read(dataset, scope, Slot.periods(granularity, periods), run -> {
            Map<TimeWindow, T> byPeriod = fetch.apply(run.stream().map(Slot::window).toList());
            Map<Slot, T> values = new LinkedHashMap<>();
            run.forEach(slot -> values.put(slot, byPeriod.get(slot.window())));
            return values;
        }).map(values -> {
            Map<TimeWindow, T> byPeriod = new LinkedHashMap<>();
            values.forEach((slot, value) -> byPeriod.put(slot.window(), value));
            return byPeriod;
        });
    }

    /**
     * Data without a window (seat lists, teams, balances), or a window-dependent figure keyed by its window snapped
     * to whole days ({@code variant} names it). It lives {@code reference-ttl}.
     */
    public <T> Fetched<T> entry(Dataset<T> dataset, String scope, String variant, Supplier<T> fetch) {
        Slot slot = Slot.unwindowed(variant);
        return read(dataset, scope, List.of(slot), run -> {
            Map<Slot, T> values = new LinkedHashMap<>();
            values.put(slot, fetch.get());
            return values;
        }).map(values -> values.get(slot));
    }

    /**
     * Like {@link #entry}, for a summary kept up to date incrementally: {@code update} gets the value held before
     * (fresh or not, null when none is held) and returns the new one, so it can ask the vendor only for what changed
     * since. Concurrent misses share one update, and a failing update serves the held value stale as usual.
     */
    public <T> Fetched<T> entry(Dataset<T> dataset, String scope, String variant, UnaryOperator<T> update) {
        String key = dataset.key(scope, Slot.unwindowed(variant).id());
        return entry(dataset, scope, variant, () -> {
            StoredEntry<T> held = store.<T> getAll(List.of(key), dataset.entryType()).get(key);
            return update.apply(held == null ? null : held.value());
        });
    }

    /**
     * For each of {@code scopes}, the {@link #entry} of {@code dataset} and {@code variant} when one is held fresh and
     * not yet due for a refresh, else null (read that one with {@link #entry}, which fetches or refreshes). The cheap
     * first look of a fan-out over thousands of entries, most of them held: those need no thread, flight or fetch.
     */
    public <T> List<Fetched<T>> held(Dataset<T> dataset, List<String> scopes, String variant) {
        String slot = Slot.unwindowed(variant).id();
        List<String> keys = new ArrayList<>(scopes.size());
        scopes.forEach(scope -> keys.add(dataset.key(scope, slot)));
        Map<String, StoredEntry<T>> entries = store.getAll(keys, dataset.entryType());
        Instant now = clock.instant();
        List<Fetched<T>> held = new ArrayList<>(scopes.size());
        int hits = 0;
        for (String key : keys) {
            StoredEntry<T> entry = entries.get(key);
            boolean fresh = entry != null
                    && now.isBefore(lifetimes.freshUntil(dataset.vendor(), null, entry.fetchedAt()))
                    && !lifetimes.refreshDue(dataset.vendor(), null, entry.fetchedAt(), now);
            held.add(fresh ? new Fetched<>(entry.value(),
                    new Freshness(dataset.vendor(), entry.fetchedAt(), true, false), List.of()) : null);
            hits += fresh ? 1 : 0;
        }
        metrics.requested(dataset.vendor(), dataset.name(), hits, 0, 0);
        return held;
    }

    /** When an {@link #entry} of {@code vendor} fetched at {@code fetchedAt} is due for a refresh ahead. */
    public Instant refreshDueAt(io.aiusage.domain.Vendor vendor, Instant fetchedAt) {
        return lifetimes.refreshDueAt(vendor, null, fetchedAt);
    }

    /**
     * Forgets the {@link #entry} of {@code dataset}, {@code scope} and {@code variant}, so its next read asks the
     * vendor: for data the gateway itself has just changed at the vendor (a credit cap), which must not be served
     * stale from here until its lifetime ends.
     */
    public void invalidate(Dataset<?> dataset, String scope, String variant) {
        store.remove(dataset.key(scope, Slot.unwindowed(variant).id()));
    }

    /** Forgets every entry (tests start from a cold cache with it). */
    public void clear() {
        store.clear();
    }

    /** Waits for the background refreshes started so far (tests, and a clean shutdown). */
    public void awaitRefreshes() {
        background.await();
    }

    private <T> Fetched<Map<Slot, T>> read(Dataset<T> dataset, String scope, List<Slot> slots,
            Function<List<Slot>, Map<Slot, T>> fetch) {
        Instant now = clock.instant();
        Map<String, StoredEntry<T>> held = store.getAll(keys(dataset, scope, slots), dataset.entryType());
        Reading<T> reading = new Reading<>(dataset.vendor(), now);
        List<Slot> missing = new ArrayList<>();
        List<Slot> due = new ArrayList<>();
        for (Slot slot : slots) {
            StoredEntry<T> entry = held.get(dataset.key(scope, slot.id()));
            if (entry != null && now.isBefore(lifetimes.freshUntil(dataset.vendor(), slot.window(), entry.fetchedAt()))) {
                reading.cached(slot, entry);
                if (lifetimes.refreshDue(dataset.vendor(), slot.window(), entry.fetchedAt(), now)) {
                    due.add(slot);
                }
            } else {
                missing.add(slot);
            }
        }
        int stale = 0;
        try {
            for (List<Slot> run : Slot.runs(missing)) {
                try {
                    Fetch<T> fetched = fetchRun(dataset, scope, run, fetch, false);
                    run.forEach(slot -> reading.add(slot, fetched.entries().get(slot), fetched.fromStore()));
                } catch (VendorException failure) {
                    serveStale(dataset, scope, run, held, reading, failure);
                    stale += run.size();
                }
            }
        } finally {
            metrics.requested(dataset.vendor(), dataset.name(), slots.size() - missing.size(),
                    missing.size() - stale, stale);
        }
        Slot.runs(due).forEach(run -> background.submit(flightKey(dataset, scope, run),
                () -> fetchRun(dataset, scope, run, fetch, true)));
        Map<Slot, T> values = new LinkedHashMap<>();
        slots.forEach(slot -> values.put(slot, reading.value(slot)));
        return reading.answer(values);
    }

    /**
     * Fetches one run through single flight. Inside the flight the store is read again: a caller that queued behind
     * an identical fetch finds its entries there. A refresh ({@code refresh} true) fetches unless the run was
     * refreshed meanwhile.
     */
    private <T> Fetch<T> fetchRun(Dataset<T> dataset, String scope, List<Slot> run,
            Function<List<Slot>, Map<Slot, T>> fetch, boolean refresh) {
        return flights.run(flightKey(dataset, scope, run), () -> {
            Instant now = clock.instant();
            Map<String, StoredEntry<T>> again = store.getAll(keys(dataset, scope, run), dataset.entryType());
            if (run.stream().allMatch(slot -> current(dataset, slot, again.get(dataset.key(scope, slot.id())), now,
                    refresh))) {
                Map<Slot, StoredEntry<T>> entries = new LinkedHashMap<>();
                run.forEach(slot -> entries.put(slot, again.get(dataset.key(scope, slot.id()))));
                return new Fetch<>(entries, true);
            }
            Map<Slot, T> values = metrics.load(dataset.vendor(), dataset.name(), () -> fetch.apply(run));
            Instant fetchedAt = clock.instant();
            Map<Slot, StoredEntry<T>> entries = new LinkedHashMap<>();
            for (Slot slot : run) {
                T value = values.get(slot);
                StoredEntry<T> entry = new StoredEntry<>(value == null ? dataset.empty() : value, fetchedAt);
                store.put(dataset.key(scope, slot.id()), entry,
                        lifetimes.keep(dataset.vendor(), slot.window(), fetchedAt));
                entries.put(slot, entry);
            }
            return new Fetch<>(entries, false);
        });
    }

    private <T> boolean current(Dataset<T> dataset, Slot slot, StoredEntry<T> entry, Instant now, boolean refresh) {
        return entry != null && now.isBefore(lifetimes.freshUntil(dataset.vendor(), slot.window(), entry.fetchedAt()))
                && !(refresh && lifetimes.refreshDue(dataset.vendor(), slot.window(), entry.fetchedAt(), now));
    }

    /** Serves the run's last good entries when every one of them is within the stale age; else the failure stands. */
    private <T> void serveStale(Dataset<T> dataset, String scope, List<Slot> run, Map<String, StoredEntry<T>> held,
            Reading<T> reading, VendorException failure) {
        Instant now = reading.now();
        boolean servable = staleable(failure) && run.stream().allMatch(slot -> {
            StoredEntry<T> entry = held.get(dataset.key(scope, slot.id()));
            return entry != null
                    && now.isBefore(lifetimes.staleUntil(dataset.vendor(), slot.window(), entry.fetchedAt()));
        });
        if (!servable) {
            throw failure;
        }
        run.forEach(slot -> reading.stale(slot, held.get(dataset.key(scope, slot.id()))));
        reading.warn(VendorWarning.stale(failure));
    }

    /**
     * The vendor's own trouble (down, rate limiting, unreadable answers) allows the last good data; rejected
     * credentials, unknown teams and invalid arguments do not: those need fixing, not hiding.
     */
    private static boolean staleable(VendorException failure) {
        return failure instanceof VendorException.Unavailable || failure instanceof VendorException.RateLimited
                || failure instanceof VendorException.BadResponse;
    }

    private static <T> List<String> keys(Dataset<T> dataset, String scope, List<Slot> slots) {
        return slots.stream().map(slot -> dataset.key(scope, slot.id())).toList();
    }

    private static String flightKey(Dataset<?> dataset, String scope, List<Slot> run) {
        return dataset.key(scope, run.getFirst().id() + ".." + run.getLast().id());
    }

    /** The entries of one fetched run, and whether they came from the store after all. */
    private record Fetch<T>(Map<Slot, StoredEntry<T>> entries, boolean fromStore) {
    }

    /**
     * Freshness of the answer so far: the oldest fetch time of the entries used (the time of the read only when there
     * were none), cached or stale if any entry is.
     */
    private static final class Reading<T> {
        private final Map<Slot, T> values = new LinkedHashMap<>();
        private final List<VendorWarning> warnings = new ArrayList<>();
        private final io.aiusage.domain.Vendor vendor;
        private final Instant now;
        private Freshness freshness;

        Reading(io.aiusage.domain.Vendor vendor, Instant now) {
            this.vendor = vendor;
            this.now = now;
        }

        Instant now() {
            return now;
        }

        void cached(Slot slot, StoredEntry<T> entry) {
            add(slot, entry, true);
        }

        void stale(Slot slot, StoredEntry<T> entry) {
            values.put(slot, entry.value());
            include(new Freshness(vendor, entry.fetchedAt(), true, true));
        }

        void add(Slot slot, StoredEntry<T> entry, boolean fromStore) {
            values.put(slot, entry.value());
            include(new Freshness(vendor, entry.fetchedAt(), fromStore, false));
        }

        private void include(Freshness entry) {
            freshness = freshness == null ? entry : freshness.and(entry);
        }

        void warn(VendorWarning warning) {
            warnings.add(warning);
        }

        T value(Slot slot) {
            return values.get(slot);
        }

        <V> Fetched<V> answer(V value) {
            return new Fetched<>(value, freshness != null ? freshness : new Freshness(vendor, now, false, false),
                    warnings);
        }
    }
}
