package io.aiusage.domain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A Tabnine seat, from one {@code User} of the organization users list. */
@Description("A Tabnine seat, from one User of GET /api/v1/organization/users.")
public record TabnineAccount(
        @NonNull @Description("Always TABNINE.") Vendor vendor,
        @NonNull @Id @Description("The Tabnine user UUID.") String accountId,
        @NonNull @Description("E-mail as Tabnine stores it.") String email,
        @Description("Username (User.username); null until an invitation is accepted.") String name,
        @Description("Role: Member, TeamLead, Manager or Admin.") String role,
        @NonNull @Description("Seat status (30-day idle threshold; seats(idleAfterDays:) re-derives it).")
        SeatStatus status,
        @Description("Latest activity of any kind; null when never used.") Instant lastActiveAt,
        @NonNull @Description("The user's team (User.team), if any.") List<@NonNull Team> teams,
        @Description("Whether the user verified their e-mail (User.verified); unverified users count as PENDING.")
        Boolean verified,
        @Description("False when an admin deactivated the user (User.active).")
        Boolean active,
        @Description("When the user was deactivated (User.deactivatedAt); null while active.")
        Instant deactivatedAt) implements VendorAccount {

    public TabnineAccount {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** The same account with its status re-derived (used when the caller picks another idle threshold). */
    public TabnineAccount withStatus(SeatStatus newStatus) {
        return new TabnineAccount(vendor, accountId, email, name, role, newStatus, lastActiveAt, teams, verified,
                active, deactivatedAt);
    }
}
