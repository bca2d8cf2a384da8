package io.aiusage.domain.port;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.Vendor;

/**
 * Remembers, per vendor, when data last arrived and until when the vendor asked us to back off. Clients record into
 * it; {@code vendors { lastFetchedAt rateLimitedUntil }} reads it.
 */
@ApplicationScoped
public class VendorActivity {

    private final Map<Vendor, Instant> lastFetched = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Instant> rateLimitedUntil = new EnumMap<>(Vendor.class);

    public synchronized void fetched(Vendor vendor, Instant at) {
        lastFetched.put(vendor, at);
    }

    public synchronized void rateLimited(Vendor vendor, Instant until) {
        rateLimitedUntil.put(vendor, until);
    }

    public synchronized Instant lastFetchedAt(Vendor vendor) {
        return lastFetched.get(vendor);
    }

    /** The back-off deadline if still in the future, else null. */
    public synchronized Instant rateLimitedUntil(Vendor vendor, Instant now) {
        Instant until = rateLimitedUntil.get(vendor);
        return until != null && until.isAfter(now) ? until : null;
    }
}
