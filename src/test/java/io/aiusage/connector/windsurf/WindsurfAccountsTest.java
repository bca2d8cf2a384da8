package io.aiusage.connector.windsurf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.SeatStatus;
import io.aiusage.connector.windsurf.UserPageAnalytics.TeamStatus;
import io.aiusage.connector.windsurf.UserPageAnalytics.UserStats;

/** Seat rules of UserPageAnalytics rows, against a fixed clock. */
class WindsurfAccountsTest {

    private static final Instant NOW = Instant.parse("2024-10-20T12:00:00Z");
    private static final Instant RECENT = Instant.parse("2024-10-10T22:56:10.771591Z");
    private static final Instant LONG_AGO = Instant.parse("2024-08-01T00:00:00Z");

    @Test
    void lastActiveAtIsTheLatestOfUpdateAndEveryModality() {
        Instant command = Instant.parse("2024-10-12T09:15:00Z");
        UserStats row = row(TeamStatus.USER_TEAM_STATUS_APPROVED, false, LONG_AGO, RECENT, null, command);

        assertEquals(command, WindsurfAccounts.lastActiveAt(row));
        assertNull(WindsurfAccounts.lastActiveAt(row(TeamStatus.USER_TEAM_STATUS_APPROVED, false, null, null,
                null, null)));
    }

    @Test
    void approvedSeatsAreActiveOrIdleByTheirLastActivityOrNeverUsed() {
        assertEquals(SeatStatus.ACTIVE, status(row(TeamStatus.USER_TEAM_STATUS_APPROVED, false, null, null, RECENT,
                null)));
        assertEquals(SeatStatus.IDLE, status(row(TeamStatus.USER_TEAM_STATUS_APPROVED, false, LONG_AGO, null, null,
                null)));
        assertEquals(SeatStatus.NEVER_USED, status(row(TeamStatus.USER_TEAM_STATUS_UNSPECIFIED, false, null, null,
                null, null)));
    }

    @Test
    void pendingInvitesArePendingEvenWithActivity() {
        assertEquals(SeatStatus.PENDING, status(row(TeamStatus.USER_TEAM_STATUS_PENDING, false, RECENT, null, null,
                null)));
    }

    @Test
    void disabledOrRejectedSeatsAreDeactivatedEvenWithRecentActivity() {
        assertEquals(SeatStatus.DEACTIVATED, status(row(TeamStatus.USER_TEAM_STATUS_APPROVED, true, RECENT, null,
                null, null)));
        assertEquals(SeatStatus.DEACTIVATED, status(row(TeamStatus.USER_TEAM_STATUS_REJECTED, false, RECENT, null,
                null, null)));
    }

    @Test
    void theAccountIdIsTheHashedApiKeyOrElseTheEmail() {
        UserStats withKey = row(TeamStatus.USER_TEAM_STATUS_APPROVED, false, null, null, null, null);
        UserStats withoutKey = new UserStats("Dana", "dana@x.io", null, " ", 0, false, null, null, null, null, null, 0,
                null);

        assertEquals("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", WindsurfAccounts.accountId(withKey));
        assertEquals("dana@x.io", WindsurfAccounts.accountId(withoutKey));
        assertEquals("dana@x.io", WindsurfAccounts.toAccount(withoutKey, List.of(), NOW).accountId());
    }

    private static SeatStatus status(UserStats row) {
        return WindsurfAccounts.toAccount(row, List.of(), NOW).status();
    }

    private static UserStats row(TeamStatus teamStatus, boolean disabled, Instant lastUpdate, Instant autocomplete,
            Instant chat, Instant command) {
        return new UserStats("Alice", "alice@windsurf.com", lastUpdate, "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", 178,
                disabled, "admin", null, autocomplete, chat, command, 12500, teamStatus);
    }
}
