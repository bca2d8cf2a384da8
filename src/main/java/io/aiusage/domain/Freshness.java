package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** How old the vendor data behind an answer is: the truth about the window-keyed cache, per vendor. */
@Description("How old one vendor's data behind an answer is. The gateway caches vendor data per UTC day (see the "
        + "README's Cache section), so an answer may combine days fetched at different times.")
public record Freshness(
        @NonNull @Description("The vendor the data came from.") Vendor vendor,
        @NonNull @Description("When the oldest piece of this vendor's data in the answer was fetched from the vendor.")
        Instant fetchedAt,
        @Description("True when any of this vendor's data was served from the gateway's window-keyed cache rather "
                + "than fetched from the vendor for this request.") boolean cached,
        @Description("True when the vendor failed and its last good data, past its cache lifetime, was served "
                + "instead; errors[] then carries a warning naming the vendor and the failure code.") boolean stale) {

    /** Data fetched from the vendor just now, for this request. */
    public static Freshness live(Vendor vendor, Instant fetchedAt) {
        return new Freshness(vendor, fetchedAt, false, false);
    }

    /** Both pieces of data together: the older fetch time, cached or stale if either is. */
    public Freshness and(Freshness other) {
        return new Freshness(vendor, fetchedAt.isBefore(other.fetchedAt) ? fetchedAt : other.fetchedAt,
                cached || other.cached, stale || other.stale);
    }
}
