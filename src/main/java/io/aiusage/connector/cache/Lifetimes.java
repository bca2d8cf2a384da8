package io.aiusage.connector.cache;

import java.time.Duration;
import java.time.Instant;

import io.aiusage.config.CacheConfig;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;

/**
 * The lifetime rules. A day (or period) that ended more than the vendor's refresh lag before it was fetched is
 * closed and lives {@code closed-ttl}; one fetched earlier is open and lives {@code open-ttl}. Data without a window
 * lives {@code reference-ttl}. Past its lifetime an entry may still be served for {@code stale-max-age}, marked stale,
 * while its vendor fails.
 */
final class Lifetimes {

    private final CacheConfig config;

    Lifetimes(CacheConfig config) {
        this.config = config;
    }

    /** When an entry of {@code window} (null: not windowed) fetched at {@code fetchedAt} stops being fresh. */
    Instant freshUntil(Vendor vendor, TimeWindow window, Instant fetchedAt) {
        return fetchedAt.plus(lifetime(vendor, window, fetchedAt));
    }

    /** The last moment the entry may be served stale. */
    Instant staleUntil(Vendor vendor, TimeWindow window, Instant fetchedAt) {
        return freshUntil(vendor, window, fetchedAt).plus(config.staleMaxAge());
    }

    /** True once the entry is old enough to be refreshed in the background when read. */
    boolean refreshDue(Vendor vendor, TimeWindow window, Instant fetchedAt, Instant now) {
        return !now.isBefore(refreshDueAt(vendor, window, fetchedAt));
    }

    /** From when reading the entry also refreshes it in the background. */
    Instant refreshDueAt(Vendor vendor, TimeWindow window, Instant fetchedAt) {
        long life = lifetime(vendor, window, fetchedAt).toMillis();
        return fetchedAt.plusMillis((long) (life * config.refreshAheadAt()));
    }

    /** How long a store keeps an entry: its lifetime plus the time it may be served stale. */
    Duration keep(Vendor vendor, TimeWindow window, Instant fetchedAt) {
        return lifetime(vendor, window, fetchedAt).plus(config.staleMaxAge());
    }

    /** True when {@code window} ended more than the refresh lag before {@code at}. */
    boolean closed(Vendor vendor, TimeWindow window, Instant at) {
        return !at.isBefore(window.to().plus(config.lifetimes(vendor).refreshLag()));
    }

    private Duration lifetime(Vendor vendor, TimeWindow window, Instant fetchedAt) {
        CacheConfig.Lifetimes ttl = config.lifetimes(vendor);
        if (window == null) {
            return ttl.referenceTtl();
        }
        return closed(vendor, window, fetchedAt) ? ttl.closedTtl() : ttl.openTtl();
    }
}
