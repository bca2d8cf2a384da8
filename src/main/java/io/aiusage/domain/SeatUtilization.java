package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Seat counts of one vendor (or one team), each seat counted in exactly one status. */
@Description("Seat counts of one vendor or team. Every seat falls in exactly one of active, idle, pending, "
        + "deactivated or never used; assigned = active + idle + never used.")
public record SeatUtilization(
        @NonNull @Description("The vendor counted.") Vendor vendor,
        @Description("Seats held by someone who accepted: ACTIVE + IDLE + NEVER_USED.") int assigned,
        @Description("Seats used within the idle threshold.") int active,
        @Description("Seats used before, but not within the idle threshold.") int idle,
        @Description("Invitations not yet accepted.") int pending,
        @Description("Seats an admin deactivated.") int deactivated,
        @Description("Assigned seats with no activity at all (included in assigned).") int neverUsed) {
}
