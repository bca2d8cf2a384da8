package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.Team;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/** Tabnine wire shapes to the vendor-neutral domain, following the metric table of design.md. Pure functions. */
final class TabnineMapping {

    private static final Vendor TABNINE = Vendor.TABNINE;

    private TabnineMapping() {
    }

    static Team team(TabnineWire.Team team) {
        return new Team(Team.qualify(TABNINE, team.id()), TABNINE, team.name(), team.usersCount());
    }

    static TabnineAccount account(TabnineWire.User user, Instant lastActiveAt, Instant now) {
        List<Team> teams = user.team() == null ? List.of() : List.of(team(user.team()));
        return new TabnineAccount(TABNINE, user.id(), user.email(), user.username(), user.role(),
                status(user, lastActiveAt, now), lastActiveAt, teams, user.verified(), user.active(),
                user.deactivatedAt());
    }

    /** Deactivated ({@code active=false}) before pending ({@code verified=false}) before activity. */
    static SeatStatus status(TabnineWire.User user, Instant lastActiveAt, Instant now) {
        if (Boolean.FALSE.equals(user.active())) {
            return SeatStatus.DEACTIVATED;
        }
        if (Boolean.FALSE.equals(user.verified())) {
            return SeatStatus.PENDING;
        }
        return SeatStatus.fromActivity(lastActiveAt, now, SeatStatus.DEFAULT_IDLE_AFTER_DAYS);
    }

    /**
     * Whether the user has joined ({@code verified}) and is not deactivated: only then is recent activity likely. It
     * orders the calls that look for the user's last activity, never what they find.
     */
    static boolean joinedAndActive(TabnineWire.User user) {
        return !Boolean.FALSE.equals(user.active()) && !Boolean.FALSE.equals(user.verified());
    }

    /**
     * An account whose activity could not be read (Tabnine failed on its daily series): lastActiveAt unknown (null),
     * lifecycle states as Tabnine gives them, otherwise ACTIVE, so a failed call never makes a seat in use look
     * reclaimable (IDLE or NEVER_USED). The connector reports such accounts with a warning.
     */
    static TabnineAccount activityUnknown(TabnineWire.User user, Instant now) {
        TabnineAccount account = account(user, null, now);
        return account.status() == SeatStatus.NEVER_USED ? account.withStatus(SeatStatus.ACTIVE) : account;
    }

    /** Tabnine counts months from 0 (January). */
    static OrganizationUtilization utilization(TabnineWire.MonthUtilization month) {
        return new OrganizationUtilization(YearMonth.of(month.year(), month.month() + 1), month.registered(),
                month.deactivated(), month.active(), month.pending());
    }

    static TabnineUser user(TabnineWire.UserInfo info) {
        TabnineWire.UserInfoUser user = info.user();
        if (user == null) {
            throw new VendorException.BadResponse(TABNINE, "Tabnine's user answer has no user", null);
        }
        List<Team> teams = info.teams() == null ? List.of()
                : info.teams().stream()
                        .filter(t -> t != null && t.teamId() != null)
                        .map(t -> new Team(Team.qualify(TABNINE, t.teamId()), TABNINE, t.teamName(), null))
                        .toList();
        return new TabnineUser(user.userId(), user.organizationId(), user.email(), user.role(), user.createdAt(),
                user.updatedAt(), teams);
    }
}
