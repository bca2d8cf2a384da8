package io.aiusage.domain.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.aiusage.domain.Freshness;
import io.aiusage.domain.Vendor;

/**
 * What a connector hands back: the data, how fresh it is (cached or not, the oldest fetch time, stale or not) and the
 * warnings that came with it. A connector method that cannot give the data at all throws a {@link VendorException}
 * instead.
 */
public record Fetched<T>(T value, Freshness freshness, List<VendorWarning> warnings) {

    public Fetched {
        warnings = List.copyOf(warnings);
    }

    /** Data just fetched from the vendor, with nothing to warn about. */
    public static <T> Fetched<T> live(Vendor vendor, T value, Instant now) {
        return new Fetched<>(value, Freshness.live(vendor, now), List.of());
    }

    /** The same answer read again from the cache: its entries are the same, now served from the store. */
    public Fetched<T> fromCache() {
        return new Fetched<>(value, new Freshness(freshness.vendor(), freshness.fetchedAt(), true, freshness.stale()),
                warnings);
    }

    public <R> Fetched<R> map(Function<T, R> f) {
        return new Fetched<>(f.apply(value), freshness, warnings);
    }

    /** {@code other}'s value with both freshnesses and both warning lists combined (each warning once). */
    public <R> Fetched<R> and(Fetched<R> other) {
        return new Fetched<>(other.value, freshness.and(other.freshness), merge(warnings, other.warnings));
    }

    /** This value plus {@code others}' freshness and warnings: one answer built from several fetches. */
    public Fetched<T> with(List<? extends Fetched<?>> others) {
        Freshness f = freshness;
        List<VendorWarning> w = warnings;
        for (Fetched<?> other : others) {
            f = f.and(other.freshness);
            w = merge(w, other.warnings);
        }
        return new Fetched<>(value, f, w);
    }

    /** {@code a} then the warnings of {@code b} not already in {@code a} (same kind, vendor, code and message). */
    public static List<VendorWarning> merge(List<VendorWarning> a, List<VendorWarning> b) {
        List<VendorWarning> all = new ArrayList<>(a);
        for (VendorWarning w : b) {
            if (all.stream().noneMatch(known -> same(known, w))) {
                all.add(w);
            }
        }
        return all;
    }

    private static boolean same(VendorWarning a, VendorWarning b) {
        return a.kind() == b.kind() && a.vendor() == b.vendor() && a.failure().code().equals(b.failure().code())
                && a.message().equals(b.message());
    }
}
