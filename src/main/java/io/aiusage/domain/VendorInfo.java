package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What the gateway knows about one vendor's connection. */
@Description("The state of the gateway's connection to one vendor.")
public record VendorInfo(
        @NonNull @Description("The vendor.") Vendor vendor,
        @Description("True when credentials are set (WINDSURF_SERVICE_KEY / TABNINE_TOKEN) or demo mode supplies "
                + "them. An unconfigured vendor is left out of every answer.") boolean configured,
        @Description("True when the vendor is served by the built-in emulator (DEMO_ENABLED).") boolean demo,
        @Description("True when one cheap authenticated call to the vendor succeeded just now (Windsurf "
                + "UserPageAnalytics, Tabnine GET /organization); false when it failed, when the vendor's circuit "
                + "breaker is open after repeated failures (no call is made then), or when the vendor is not "
                + "configured.") boolean healthy,
        @Description("When data last arrived from this vendor; null before the first call.") Instant lastFetchedAt,
        @Description("Until when the vendor asked us to back off (its Retry-After after a 429); null when not "
                + "rate limited. No call is made to the vendor before then.") Instant rateLimitedUntil) {
}
