package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.util.List;

import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.Team;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.WindsurfAccount;
import io.aiusage.connector.windsurf.UserPageAnalytics.TeamStatus;
import io.aiusage.connector.windsurf.UserPageAnalytics.UserStats;

/** Maps UserPageAnalytics rows to domain accounts; pure, so seat rules are testable without HTTP. */
final class WindsurfAccounts {

    private WindsurfAccounts() {
    }

    /** The hashed API key, which Custom Analytics rows carry as {@code api_key}; the e-mail when there is none. */
    static String accountId(UserStats row) {
        return row.apiKey() == null || row.apiKey().isBlank() ? row.email() : row.apiKey();
    }

    static WindsurfAccount toAccount(UserStats row, List<Team> teams, Instant now) {
        Instant lastActiveAt = lastActiveAt(row);
        return new WindsurfAccount(Vendor.WINDSURF, accountId(row), row.email(), row.name(), row.role(),
                status(row, lastActiveAt, now), lastActiveAt, teams, row.apiKey(), row.activeDays(),
                row.promptCreditsUsed(), row.signupTime(), row.lastAutocompleteUsageTime(), row.lastChatUsageTime(),
                row.lastCommandUsageTime(), row.disableCodeium(), row.teamStatus().name());
    }

    /** Latest of the last update and the last use of each modality; null when there is none. */
    static Instant lastActiveAt(UserStats row) {
        return latest(latest(row.lastUpdateTime(), row.lastAutocompleteUsageTime()),
                latest(row.lastChatUsageTime(), row.lastCommandUsageTime()));
    }

    /** The later of two instants, either null (no stream: this runs for every seat of every seat overview). */
    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** Lifecycle from Windsurf first (pending invite, disabled or rejected), else derived from activity. */
    static SeatStatus status(UserStats row, Instant lastActiveAt, Instant now) {
        if (row.teamStatus() == TeamStatus.USER_TEAM_STATUS_PENDING) {
            return SeatStatus.PENDING;
        }
        if (row.disableCodeium() || row.teamStatus() == TeamStatus.USER_TEAM_STATUS_REJECTED) {
            return SeatStatus.DEACTIVATED;
        }
        return SeatStatus.fromActivity(lastActiveAt, now, SeatStatus.DEFAULT_IDLE_AFTER_DAYS);
    }
}
