package io.aiusage.domain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A Windsurf seat, from one {@code UserPageAnalytics.userTableStats[]} row. */
@Description("A Windsurf seat, from one UserPageAnalytics userTableStats row.")
public record WindsurfAccount(
        @NonNull @Description("Always WINDSURF.") Vendor vendor,
        @NonNull @Id @Description("The hashed API key (UserPageAnalytics apiKey), or the e-mail when Windsurf gives none.") String accountId,
        @NonNull @Description("E-mail as Windsurf stores it.") String email,
        @Description("Display name (UserPageAnalytics name).") String name,
        @Description("Role as Windsurf reports it (free text, e.g. admin, member).") String role,
        @NonNull @Description("Seat status (30-day idle threshold; seats(idleAfterDays:) re-derives it).")
        SeatStatus status,
        @Description("Latest activity of any kind; null when never used.") Instant lastActiveAt,
        @NonNull @Description("The groups of WINDSURF_GROUPS this user is in.") List<@NonNull Team> teams,
        @Description("Hashed API key (UserPageAnalytics apiKey); joins Custom Analytics rows (api_key) to the person.")
        String apiKeyHash,
        @Description("Days active in the queried window (UserPageAnalytics activeDays; window defaults to the last "
                + "year when none is given).")
        Integer activeDays,
        @Description("Prompt credits used in the current billing cycle (UserPageAnalytics promptCreditsUsed).")
        Integer promptCreditsUsed,
        @Description("When the user signed up (signupTime).")
        Instant signupAt,
        @Description("Last Tab/Autocomplete use (lastAutocompleteUsageTime).")
        Instant lastAutocompleteAt,
        @Description("Last Cascade use (lastChatUsageTime, which despite its name tracks Cascade).")
        Instant lastCascadeAt,
        @Description("Last Command use (lastCommandUsageTime).")
        Instant lastCommandAt,
        @Description("True when an admin disabled Windsurf for this user (disableCodeium, sent only when true).")
        boolean disabled,
        @Description("Raw team membership status: USER_TEAM_STATUS_APPROVED, _PENDING, _REJECTED, _UNSPECIFIED, "
                + "or UNKNOWN for a value this gateway does not know.")
        String teamStatus) implements VendorAccount {

    public WindsurfAccount {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** The same account with its status re-derived (used when the caller picks another idle threshold). */
    public WindsurfAccount withStatus(SeatStatus newStatus) {
        return new WindsurfAccount(vendor, accountId, email, name, role, newStatus, lastActiveAt, teams, apiKeyHash,
                activeDays, promptCreditsUsed, signupAt, lastAutocompleteAt, lastCascadeAt, lastCommandAt, disabled,
                teamStatus);
    }

    /** The same account listed in one more team (an account may sit in several Windsurf groups). */
    public WindsurfAccount withTeams(List<Team> newTeams) {
        return new WindsurfAccount(vendor, accountId, email, name, role, status, lastActiveAt, newTeams, apiKeyHash,
                activeDays, promptCreditsUsed, signupAt, lastAutocompleteAt, lastCascadeAt, lastCommandAt, disabled,
                teamStatus);
    }
}
