package io.aiusage.config;

import java.time.Duration;
import java.util.Optional;

import io.aiusage.domain.Vendor;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The window-keyed vendor cache ({@code cache.*}): where entries live, how long each kind stays fresh per vendor, how
 * long a failing vendor's last good data may still be served, refresh-ahead and warm-up.
 */
@ConfigMapping(prefix = "cache")
public interface CacheConfig {

    /** Where entries live. Chosen at run time, so one native binary serves both kinds of deployment. */
    enum Store {
        /** In this process (Caffeine, bounded by {@code cache.in-process.*}). */
        CAFFEINE,
        /** In Redis ({@code quarkus.redis.hosts}): replicas share entries. */
        REDIS
    }

    @WithDefault("caffeine")
    Store store();

    /** How long past its lifetime an entry may still be served, marked stale, while its vendor fails. */
    @WithDefault("24h")
    Duration staleMaxAge();

    /** Share of an entry's lifetime after which reading it also refreshes it in the background (0 to 1). */
    @WithDefault("0.8")
    double refreshAheadAt();

    WarmUp warmUp();

    Redis redis();

    /** Windsurf's lifetimes (its API data is refreshed every 3 hours). */
    Lifetimes windsurf();

    /** Tabnine's lifetimes (Tabnine publishes no refresh period). */
    Lifetimes tabnine();

    default Lifetimes lifetimes(Vendor vendor) {
        return switch (vendor) {
            case WINDSURF -> windsurf();
            case TABNINE -> tabnine();
        };
    }

    /** What is loaded in the background at start-up, so the first dashboard does not wait on a vendor. */
    interface WarmUp {
        /** On by default; off in tests (a test that needs it turns it on). */
        @WithDefault("true")
        boolean enabled();

        /** Days of organisation usage (ending today) loaded besides seat lists and teams. */
        @WithDefault("90")
        int days();
    }

    /** The in-process store ({@code cache.store=caffeine}). */
    InProcess inProcess();

    /** Bounds of the in-process store. */
    interface InProcess {
        /**
         * Most heap the entries may take, by the estimate of {@code EntryWeigher}; beyond it Caffeine evicts the
         * entries least likely to be read again. Unset: {@link #DEFAULT_HEAP_SHARE} of the maximum heap, so a small
         * container gets a small cache. Measured costs and the sizing rule are in the README (Cache).
         */
        Optional<MemorySize> maxSize();

        /** The share of the maximum heap the entries may take when {@code max-size} is not set. */
        double DEFAULT_HEAP_SHARE = 0.4;

        /** {@link #maxSize()}, or its default for a JVM (or native image) whose maximum heap is {@code maxHeap}. */
        default long maxBytes(long maxHeap) {
            return maxSize().map(MemorySize::asLongValue).orElse((long) (maxHeap * DEFAULT_HEAP_SHARE));
        }

        /** Longest an entry is kept: at least the longest {@code closed-ttl} plus {@code stale-max-age}. */
        @WithDefault("31d")
        Duration expireAfterWrite();
    }

    /** The Redis store (the connection itself is {@code quarkus.redis.hosts}). */
    interface Redis {
        /** Prepended to every key; give each deployment (organisation) sharing one Redis its own. */
        @WithDefault("aiusage:")
        String keyPrefix();
    }

    /** How long one vendor's entries stay fresh. */
    interface Lifetimes {
        /** How long after a UTC day ends the vendor may still change it; after that the day is closed. */
        Duration refreshLag();

        /** Lifetime of a closed day (or closed period): it no longer changes. */
        @WithDefault("30d")
        Duration closedTtl();

        /** Lifetime of an open day (today, or within the refresh lag): at most the vendor's refresh period. */
        Duration openTtl();

        /** Lifetime of data that has no window: seat lists, teams, utilisation, balances. */
        @WithDefault("10m")
        Duration referenceTtl();
    }
}
