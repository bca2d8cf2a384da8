package io.aiusage.domain;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The licence picture: what is assigned, what is used, what can be reclaimed, who pays twice. */
@Description("Seat utilisation per vendor, seats that can be reclaimed, and people paying for two assistants.")
public record SeatReport(
        @NonNull @Description("Seat counts per configured vendor.") List<@NonNull SeatUtilization> utilization,
        @Description("Seats used before but not within idleAfterDays (status IDLE), most recently active first. "
                + PERSONAL) List<@NonNull VendorAccount> idle,
        @Description("Seats assigned and never used (status NEVER_USED), by e-mail. " + PERSONAL)
        List<@NonNull VendorAccount> neverUsed,
        @Description("People holding an assigned seat (ACTIVE, IDLE or NEVER_USED; not pending, not deactivated) on "
                + "two or more vendors, by e-mail. " + PERSONAL) List<@NonNull Person> overlapping,
        @NonNull @Description("How fresh each vendor's data is.") List<@NonNull Freshness> freshness) {

    /** How the personal lists say that they can be refused (the API gates them by the caller's roles). */
    static final String PERSONAL = "Personal data: null, with a FORBIDDEN error, for a caller without the "
            + "people-reader role.";
}
