package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** How old the vendor data behind an answer is. */
@Description("How old the vendor data behind an answer is.")
public record Freshness(
        @NonNull @Description("The vendor the data came from.") Vendor vendor,
        @NonNull @Description("When the data was fetched from the vendor.") Instant fetchedAt,
        @Description("True when served from the gateway's window-keyed cache rather than fetched for this request. Not tracked yet: always false (only Tabnine per-person activity is cached, for 10 minutes).") boolean cached,
        @Description("True when the vendor failed and the last good data was served instead. Always false until stale-if-error lands.") boolean stale) {

    /** Data fetched from the vendor just now, for this request. */
    public static Freshness live(Vendor vendor, Instant fetchedAt) {
        return new Freshness(vendor, fetchedAt, false, false);
    }
}
