package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.aiusage.connector.tabnine.TabnineFixtures.ADA;
import static io.aiusage.connector.tabnine.TabnineFixtures.BOB;
import static io.aiusage.connector.tabnine.TabnineFixtures.CARA;
import static io.aiusage.connector.tabnine.TabnineFixtures.DAN;
import static io.aiusage.connector.tabnine.TabnineFixtures.DATA;
import static io.aiusage.connector.tabnine.TabnineFixtures.EVE;
import static io.aiusage.connector.tabnine.TabnineFixtures.MOBILE;
import static io.aiusage.connector.tabnine.TabnineFixtures.ORG;
import static io.aiusage.connector.tabnine.TabnineFixtures.PLATFORM;
import static io.aiusage.connector.tabnine.TabnineFixtures.dailyUsage;
import static io.aiusage.connector.tabnine.TabnineFixtures.error;
import static io.aiusage.connector.tabnine.TabnineFixtures.json;
import static io.aiusage.connector.tabnine.TabnineFixtures.jsonBody;
import static io.aiusage.connector.tabnine.TabnineFixtures.midnight;
import static io.aiusage.connector.tabnine.TabnineFixtures.requested;
import static io.aiusage.connector.tabnine.TabnineFixtures.tabnineGet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.aiusage.connector.cache.VendorCache;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageFacts;
import io.aiusage.domain.UsageRollup;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The Tabnine connector end to end against WireMock: the requests it sends and the domain it hands back. */
@QuarkusTest
@TestProfile(TabnineWireMockProfile.class)
class TabnineConnectorTest {

    private static final String USER_USAGE = "/api/v2/user/usage";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    TabnineConnector connector;

    @Inject
    VendorCache cache;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** What the connector sends for the 366-day activity lookback: whole days, ending with today. */
    private final String lookbackFrom = midnight(today.plusDays(1).minusDays(366));
    private final String lookbackTo = midnight(today.plusDays(1));

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        cache.clear();
        wireMock.stubFor(tabnineGet("/api/v1/organization").willReturn(json("organization.json")));
    }

    @Test
    void pingReadsTheOrganizationWithTheBearerToken() {
        connector.ping();

        wireMock.verify(1, requested("/api/v1/organization"));
        assertEquals(Vendor.TABNINE, connector.vendor());
        assertTrue(connector.configured());
        assertFalse(connector.demo());
    }

    @Test
    void teamsAreReadAcrossPagesWithQualifiedIdsAndMemberCounts() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("2")).willReturn(json("teams-page-1.json")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").withQueryParam("offset", equalTo("2"))
                .withQueryParam("limit", equalTo("2")).willReturn(json("teams-page-2.json")));

        assertEquals(List.of(
                new Team("TABNINE:" + PLATFORM, Vendor.TABNINE, "Platform", 2),
                new Team("TABNINE:" + DATA, Vendor.TABNINE, "Data", 1),
                new Team("TABNINE:" + MOBILE, Vendor.TABNINE, "Mobile", 0)), connector.teams().value());
    }

    @Test
    void accountsTakeLifecycleFromTheUserListAndLastActivityFromDailyUsage() {
        stubUsers();
        stubDaily(ADA, today.minusDays(1), today.minusDays(3));
        stubDaily(BOB, today.minusDays(45));
        stubDaily(CARA);
        stubDaily(DAN, today.minusDays(100));
        stubDaily(EVE);

        List<VendorAccount> accounts = connector.accounts(null).value();

        assertEquals(List.of(ADA, BOB, CARA, DAN, EVE), accounts.stream().map(VendorAccount::accountId).toList());
        assertEquals(List.of(SeatStatus.ACTIVE, SeatStatus.IDLE, SeatStatus.PENDING, SeatStatus.DEACTIVATED,
                SeatStatus.NEVER_USED), accounts.stream().map(VendorAccount::status).toList());
        TabnineAccount ada = (TabnineAccount) accounts.get(0);
        assertEquals(dayStart(today.minusDays(1)), ada.lastActiveAt());
        assertEquals("Ada Lovelace", ada.name());
        assertEquals("ada@acme.example", ada.email());
        assertEquals("Admin", ada.role());
        assertEquals(List.of(new Team("TABNINE:" + PLATFORM, Vendor.TABNINE, "Platform", 2)), ada.teams());
        assertEquals(List.of(), accounts.get(1).teams());
        TabnineAccount dan = (TabnineAccount) accounts.get(3);
        assertEquals(dayStart(today.minusDays(100)), dan.lastActiveAt());
        assertEquals(Boolean.FALSE, dan.active());
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), dan.deactivatedAt());
        assertEquals(Boolean.FALSE, ((TabnineAccount) accounts.get(2)).verified());
        assertNull(accounts.get(4).lastActiveAt());
    }

    @Test
    void activityIsReadOncePerPersonAndPerPersonUsageOncePerPersonForItsWindow() {
        stubUsers();
        stubDaily(ADA, today.minusDays(1), today.minusDays(2), today.minusDays(20));
        stubDaily(BOB, today.minusDays(45));
        stubDaily(CARA);
        stubDaily(DAN, today.minusDays(100));
        stubDaily(EVE);
        TimeWindow lastWeek = TimeWindow.of(dayStart(today.minusDays(6)), dayStart(today.plusDays(1)));

        List<VendorAccount> accounts = connector.accounts(null).value();
        assertEquals(accounts, connector.accounts(null).value());
        // joined and active people (Ada, Bob, Eve): the last 31 days daily, enough for Ada; for Bob and Eve a monthly
        // probe of the earlier days. Cara (pending) and Dan (deactivated): the monthly probe of the whole lookback
        // first. Then for those active in an earlier month (Bob, Dan) a daily read of that month.
        wireMock.verify(1, requested(USER_USAGE).withQueryParam("userId", equalTo(ADA)));
        wireMock.verify(5, requested(USER_USAGE).withQueryParam("to", equalTo(lookbackTo)));
        wireMock.verify(4, requested(USER_USAGE).withQueryParam("granularity", equalTo("monthly")));
        wireMock.verify(5, requested(USER_USAGE).withQueryParam("granularity", equalTo("daily")));
        Map<String, List<UsageBucket>> usage = usageByAccount(accounts, lastWeek, Granularity.TOTAL);
        Map<String, List<UsageBucket>> daily = usageByAccount(accounts, lastWeek, Granularity.DAY);

        // the activity summary keeps no daily rows: the week is asked once per person, then held per day
        wireMock.verify(9 + 5, requested(USER_USAGE));
        wireMock.verify(5 + 5, requested(USER_USAGE).withQueryParam("granularity", equalTo("daily")));
        assertEquals(List.of(ADA, BOB, CARA, DAN, EVE), List.copyOf(usage.keySet()));
        UsageBucket adaWeek = usage.get(ADA).getFirst();
        assertEquals(lastWeek, adaWeek.period());
        assertEquals(1L, adaWeek.activeUsers(), "one person: active or not, never the number of active days");
        assertEquals(20L, adaWeek.completionsAccepted());
        assertEquals(24L, adaWeek.completionLinesAccepted());
        assertEquals(4L, adaWeek.chatMessages());
        assertEquals(200L, adaWeek.inputTokens());
        assertEquals(40L, adaWeek.outputTokens());
        assertNull(adaWeek.cost());
        assertEquals(0L, usage.get(BOB).getFirst().activeUsers());
        assertEquals(7, daily.get(ADA).size());
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 0L),
                daily.get(ADA).stream().map(UsageBucket::activeUsers).toList());
    }

    @Test
    void peopleNotJoinedOrDeactivatedAreProbedMonthlyFirstAndStillGetTheirExactLastDay() {
        stubUsers();
        stubDaily(ADA, today.minusDays(1));
        stubDaily(BOB);
        stubDaily(CARA, today.minusDays(3));
        stubDaily(DAN, today.minusDays(100));
        stubDaily(EVE);

        List<VendorAccount> accounts = connector.accounts(null).value();

        // Cara (pending) was active 3 days ago, Dan (deactivated) 100 days ago: each is found with the monthly probe
        // of the whole lookback and one daily read of that month, exactly as the recent-first order would find it
        assertEquals(dayStart(today.minusDays(3)), accounts.get(2).lastActiveAt());
        assertEquals(dayStart(today.minusDays(100)), accounts.get(3).lastActiveAt());
        for (String user : List.of(CARA, DAN)) {
            wireMock.verify(2, requested(USER_USAGE).withQueryParam("userId", equalTo(user)));
            wireMock.verify(1, requested(USER_USAGE).withQueryParam("userId", equalTo(user))
                    .withQueryParam("granularity", equalTo("monthly")).withQueryParam("from", equalTo(lookbackFrom))
                    .withQueryParam("to", equalTo(lookbackTo)));
        }
        // joined people never active cost two calls (the last 31 days, then the earlier months); Ada, active
        // lately, one
        wireMock.verify(2, requested(USER_USAGE).withQueryParam("userId", equalTo(BOB)));
        wireMock.verify(1, requested(USER_USAGE).withQueryParam("userId", equalTo(ADA)));
    }

    @Test
    void aPersonNotJoinedAndNeverActiveCostsOneCall() {
        stubUsers();
        stubDaily(ADA, today.minusDays(1));
        stubDaily(BOB);
        stubDaily(CARA);
        stubDaily(DAN);
        stubDaily(EVE);

        List<VendorAccount> accounts = connector.accounts(null).value();

        assertNull(accounts.get(2).lastActiveAt());
        assertNull(accounts.get(3).lastActiveAt());
        wireMock.verify(1, requested(USER_USAGE).withQueryParam("userId", equalTo(CARA)));
        wireMock.verify(1, requested(USER_USAGE).withQueryParam("userId", equalTo(DAN)));
        wireMock.verify(2, requested(USER_USAGE).withQueryParam("userId", equalTo(EVE)));
    }

    @Test
    void perPersonUsageOutsideTheLookbackAsksTabnineForThoseDaysOncePerPerson() {
        LocalDate first = today.minusDays(800);
        TimeWindow old = TimeWindow.of(dayStart(first), dayStart(first.plusDays(3)));
        for (String user : List.of(ADA, BOB)) {
            wireMock.stubFor(tabnineGet(USER_USAGE).withQueryParam("userId", equalTo(user))
                    .withQueryParam("organizationId", equalTo(ORG))
                    .withQueryParam("from", equalTo(midnight(first)))
                    .withQueryParam("to", equalTo(midnight(first.plusDays(3))))
                    .withQueryParam("granularity", equalTo("daily"))
                    .willReturn(jsonBody(200, dailyUsage(user, first.plusDays(1)))));
        }
        List<VendorAccount> accounts = List.of(account(ADA), account(BOB));

        Map<String, List<UsageBucket>> usage = usageByAccount(accounts, old, Granularity.TOTAL);

        wireMock.verify(2, requested(USER_USAGE));
        assertEquals(1L, usage.get(ADA).getFirst().activeUsers());
        assertEquals(10L, usage.get(BOB).getFirst().completionsAccepted());
    }

    @Test
    void organizationUsageIsAskedForWholeDaysAndMappedOntoEveryPeriodWithAgentCost() {
        wireMock.stubFor(tabnineGet("/api/v2/organization/usage")
                .withQueryParam("organizationId", equalTo(ORG))
                .withQueryParam("from", equalTo("2025-03-03T00:00:00Z"))
                .withQueryParam("to", equalTo("2025-03-07T00:00:00Z"))
                .withQueryParam("granularity", equalTo("daily"))
                .willReturn(json("usage-v2-organization-daily.json")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/agent-usage")
                .withQueryParam("startDate", equalTo("2025-03-03T00:00:00Z"))
                .withQueryParam("endDate", equalTo("2025-03-07T00:00:00Z"))
                .withQueryParam("granularity", equalTo("daily"))
                .willReturn(json("agent-usage-organization-daily.json")));
        TimeWindow window = TimeWindow.of(Instant.parse("2025-03-03T09:30:00Z"), Instant.parse("2025-03-06T12:00:00Z"));

        List<UsageBucket> buckets = usage(window, Granularity.DAY, null);

        assertEquals(List.of("2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z", "2025-03-05T00:00:00Z",
                "2025-03-06T00:00:00Z"), buckets.stream().map(b -> b.from().toString()).toList());
        assertEquals(new UsageBucket(Vendor.TABNINE, Instant.parse("2025-03-03T00:00:00Z"),
                Instant.parse("2025-03-04T00:00:00Z"), 12L, 340L, 410L, 45L, 9L, 210L, 12000L + 5000 + 40000,
                3000L + 1000 + 8000, null, 1.25), buckets.get(0));
        assertEquals(0.5, buckets.get(1).cost());
        assertEquals(new UsageBucket(Vendor.TABNINE, Instant.parse("2025-03-05T00:00:00Z"),
                Instant.parse("2025-03-06T00:00:00Z"), 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, null, 0.0), buckets.get(2),
                "no bucket from Tabnine: zeros, and cost 0 since agents are licensed but nothing was spent");
        assertEquals(700L, buckets.get(3).inputTokens());
    }

    @Test
    void toIsExclusive() {
        wireMock.stubFor(tabnineGet("/api/v2/organization/usage")
                .withQueryParam("from", equalTo("2025-03-03T00:00:00Z"))
                .withQueryParam("to", equalTo("2025-03-06T00:00:00Z"))
                .willReturn(json("usage-v2-organization-daily.json")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/agent-usage")
                .withQueryParam("endDate", equalTo("2025-03-06T00:00:00Z"))
                .willReturn(json("agent-usage-organization-daily.json")));
        TimeWindow window = TimeWindow.of(Instant.parse("2025-03-03T00:00:00Z"), Instant.parse("2025-03-06T00:00:00Z"));

        List<UsageBucket> buckets = usage(window, Granularity.TOTAL, null);

        assertEquals(1, buckets.size());
        assertEquals(window, buckets.getFirst().period());
        assertEquals(12L, buckets.getFirst().activeUsers());
        assertEquals(340L + 300, buckets.getFirst().completionsAccepted(), "the bucket of 6 March lies outside");
    }

    @Test
    void teamUsageWithoutTheAgentLicenceHasNoCostAndClipsWeeksToTheWindow() {
        // daily facts plus the weekly distinct active users: the weekly answer stands in for both (its buckets fall
        // on the days they start, the first clipped to the window)
        for (String granularity : List.of("daily", "weekly")) {
            wireMock.stubFor(tabnineGet("/api/v2/team/usage")
                    .withQueryParam("organizationId", equalTo(ORG))
                    .withQueryParam("teamId", equalTo(PLATFORM))
                    .withQueryParam("from", equalTo("2025-03-05T00:00:00Z"))
                    .withQueryParam("to", equalTo("2025-03-19T00:00:00Z"))
                    .withQueryParam("granularity", equalTo(granularity))
                    .willReturn(json("usage-v2-team-weekly.json")));
        }
        wireMock.stubFor(tabnineGet("/api/v1/team/agent-usage").withQueryParam("teamId", equalTo(PLATFORM))
                .willReturn(jsonBody(403, """
                        {"error": "FEATURE_NOT_AVAILABLE",
                         "message": "The Agent feature is not included in your account's license."}""")));
        TimeWindow window = TimeWindow.of(Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-03-19T00:00:00Z"));

        List<UsageBucket> buckets = usage(window, Granularity.WEEK, PLATFORM);

        assertEquals(List.of(
                TimeWindow.days(LocalDate.parse("2025-03-05"), LocalDate.parse("2025-03-10")),
                TimeWindow.days(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-17")),
                TimeWindow.days(LocalDate.parse("2025-03-17"), LocalDate.parse("2025-03-19"))),
                buckets.stream().map(UsageBucket::period).toList());
        assertEquals(List.of(80L, 0L, 5L), buckets.stream().map(UsageBucket::completionsAccepted).toList());
        assertEquals(List.of(0L, 0L, 4L), buckets.stream().map(UsageBucket::agentMessages).toList());
        assertEquals(2500L, buckets.get(2).inputTokens());
        assertTrue(buckets.stream().allMatch(b -> b.cost() == null));
    }

    @Test
    void agentUsageFailingLeavesCostOutButKeepsTheUsage() {
        wireMock.stubFor(tabnineGet("/api/v2/team/usage").withQueryParam("teamId", equalTo(PLATFORM))
                .willReturn(json("usage-v2-team-weekly.json")));
        wireMock.stubFor(tabnineGet("/api/v1/team/agent-usage").withQueryParam("teamId", equalTo(PLATFORM))
                .willReturn(jsonBody(503, """
                        {"error": "SERVICE_UNAVAILABLE", "message": "try later", "status": 503}""")));
        TimeWindow window = TimeWindow.of(Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-03-19T00:00:00Z"));

        Fetched<UsageFacts> facts = connector.usage(window, Granularity.WEEK, PLATFORM);
        List<UsageBucket> buckets = rollUp(facts, window, Granularity.WEEK);

        assertEquals(List.of(80L, 0L, 5L), buckets.stream().map(UsageBucket::completionsAccepted).toList());
        assertTrue(buckets.stream().allMatch(b -> b.cost() == null));
        assertEquals(List.of("VENDOR_UNAVAILABLE"), facts.warnings().stream().map(w -> w.failure().code()).toList(),
                "the missing cost is said, not silently left out");
    }

    @Test
    void teamMembersCarryActivityAndAnUnknownTeamIsNotFound() {
        wireMock.stubFor(tabnineGet("/api/v1/team/" + PLATFORM + "/users").withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("2")).willReturn(json("team-users.json")));
        wireMock.stubFor(tabnineGet("/api/v1/team/" + MOBILE + "/users").willReturn(error(404, "NOT_FOUND", "r-1")));
        stubDaily(ADA, today.minusDays(2));
        stubDaily(DAN);

        List<VendorAccount> members = connector.teamMembers(PLATFORM);

        assertEquals(List.of(ADA, DAN), members.stream().map(VendorAccount::accountId).toList());
        assertEquals(List.of(SeatStatus.ACTIVE, SeatStatus.DEACTIVATED),
                members.stream().map(VendorAccount::status).toList());
        VendorException.NotFound e = assertThrows(VendorException.NotFound.class,
                () -> connector.teamMembers(MOBILE));
        assertEquals("Tabnine team " + MOBILE + " was not found", e.getMessage());
    }

    @Test
    void organizationUtilizationTurnsZeroBasedMonthsIntoRealOnes() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/account-utilizations")
                .withQueryParam("startDate", equalTo("2024-12"))
                .willReturn(json("organization-utilizations.json")));

        assertEquals(List.of(
                new OrganizationUtilization(YearMonth.of(2024, 12), 40, 2, 31, 5),
                new OrganizationUtilization(YearMonth.of(2025, 1), 42, 3, 35, 4)),
                connector.organizationUtilization(YearMonth.of(2024, 12)));
    }

    @Test
    void teamUtilizationUserAndTeamDetailsAreDecoded() {
        wireMock.stubFor(tabnineGet("/api/v1/team/account-utilizations").withQueryParam("teamId", equalTo(PLATFORM))
                .willReturn(json("team-utilization.json")));
        wireMock.stubFor(tabnineGet("/api/v1/user/" + ADA).willReturn(json("user.json")));
        wireMock.stubFor(tabnineGet("/api/v1/team/" + PLATFORM).willReturn(json("team.json")));

        assertEquals(new TeamUtilization(2, 1, 3), connector.teamUtilization(PLATFORM));
        assertEquals(new TabnineUser(ADA, ORG, "ada@acme.example", "Admin", Instant.parse("2024-06-01T09:15:00Z"),
                Instant.parse("2025-02-01T08:00:00Z"),
                List.of(new Team("TABNINE:" + PLATFORM, Vendor.TABNINE, "Platform", null))), connector.user(ADA));
        assertEquals(new Team("TABNINE:" + PLATFORM, Vendor.TABNINE, "Platform", null), connector.team(PLATFORM));
    }

    @Test
    void agentUsageIsReadForOrganizationTeamAndUser() {
        String from = "2025-03-03T00:00:00Z";
        String to = "2025-03-07T00:00:00Z";
        wireMock.stubFor(tabnineGet("/api/v1/organization/agent-usage").withQueryParam("startDate", equalTo(from))
                .withQueryParam("endDate", equalTo(to)).withQueryParam("granularity", equalTo("all"))
                .willReturn(json("agent-usage-organization-daily.json")));
        wireMock.stubFor(tabnineGet("/api/v1/team/agent-usage").withQueryParam("teamId", equalTo(PLATFORM))
                .withQueryParam("startDate", equalTo(from)).withQueryParam("endDate", equalTo(to))
                .willReturn(json("agent-usage-organization-daily.json")));
        wireMock.stubFor(tabnineGet("/api/v1/user/agent-usage").withQueryParam("userId", equalTo(ADA))
                .withQueryParam("startDate", equalTo(from)).withQueryParam("endDate", equalTo(to))
                .willReturn(json("agent-usage-organization-daily.json")));
        TimeWindow window = TimeWindow.of(Instant.parse(from), Instant.parse("2025-03-06T18:00:00Z"));

        AgentUsage organization = connector.organizationAgentUsage(window, Granularity.TOTAL);

        assertTrue(organization.licensed());
        assertEquals(new AgentUsage.Point(Instant.parse(from), Instant.parse("2025-03-04T00:00:00Z"), 3L, 48000L,
                40000L, 8000L, 1.25,
                List.of(new AgentUsage.ModelCost("claude-sonnet-4-20250514", 48000L, 40000L, 8000L, 1.25))),
                organization.points().getFirst());
        assertEquals(2, connector.teamAgentUsage(PLATFORM, window, Granularity.DAY).points().size());
        assertEquals(0.5, connector.userAgentUsage(ADA, window, Granularity.DAY).points().get(1).cost());
        wireMock.verify(1, requested("/api/v1/team/agent-usage").withQueryParam("granularity", equalTo("daily")));
    }

    /** The connector's organisation or team facts rolled up as the domain does. */
    private List<UsageBucket> usage(TimeWindow window, Granularity granularity, String team) {
        return rollUp(connector.usage(window, granularity, team), window, granularity);
    }

    private static List<UsageBucket> rollUp(Fetched<UsageFacts> facts, TimeWindow window, Granularity granularity) {
        return UsageRollup.buckets(Vendor.TABNINE, facts.value(), Periods.of(window, granularity));
    }

    private Map<String, List<UsageBucket>> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        return UsageRollup.perAccount(Vendor.TABNINE, connector.usageByAccount(accounts, window, granularity).value(),
                accounts.stream().map(VendorAccount::accountId).toList(), Periods.of(window, granularity));
    }

    private void stubUsers() {
        for (int page = 1; page <= 3; page++) {
            wireMock.stubFor(tabnineGet("/api/v1/organization/users")
                    .withQueryParam("offset", equalTo(String.valueOf(2 * (page - 1))))
                    .withQueryParam("limit", equalTo("2"))
                    .willReturn(json("users-page-" + page + ".json")));
        }
    }

    /**
     * What the connector may send for {@code userId}'s last activity: the last 31 days daily (any daily span is
     * answered with these active days; the connector drops those outside it), the monthly request over the rest of
     * the 366-day lookback, and the monthly request over the whole lookback, answered for these days.
     */
    private void stubDaily(String userId, LocalDate... activeDays) {
        LocalDate recentFrom = today.plusDays(1).minusDays(31);
        wireMock.stubFor(tabnineGet(USER_USAGE)
                .withQueryParam("organizationId", equalTo(ORG))
                .withQueryParam("userId", equalTo(userId))
                .withQueryParam("from", equalTo(lookbackFrom))
                .withQueryParam("to", equalTo(lookbackTo))
                .withQueryParam("granularity", equalTo("monthly"))
                .willReturn(jsonBody(200, TabnineFixtures.monthlyUsage(userId, today.plusDays(1).minusDays(366),
                        today.plusDays(1), activeDays))));
        wireMock.stubFor(tabnineGet(USER_USAGE)
                .withQueryParam("organizationId", equalTo(ORG))
                .withQueryParam("userId", equalTo(userId))
                .withQueryParam("from", equalTo(lookbackFrom))
                .withQueryParam("to", equalTo(midnight(recentFrom)))
                .withQueryParam("granularity", equalTo("monthly"))
                .willReturn(jsonBody(200, TabnineFixtures.monthlyUsage(userId, today.plusDays(1).minusDays(366),
                        recentFrom, activeDays))));
        stubDailyAnyWindow(userId, activeDays);
    }

    /** Any daily request for {@code userId}, answered with these active days (those outside it are dropped). */
    private void stubDailyAnyWindow(String userId, LocalDate... activeDays) {
        wireMock.stubFor(tabnineGet(USER_USAGE)
                .withQueryParam("organizationId", equalTo(ORG))
                .withQueryParam("userId", equalTo(userId))
                .withQueryParam("granularity", equalTo("daily"))
                .willReturn(jsonBody(200, dailyUsage(userId, activeDays))));
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static VendorAccount account(String id) {
        return new TabnineAccount(Vendor.TABNINE, id, id + "@acme.example", null, "Member", SeatStatus.ACTIVE, null,
                List.of(), true, true, null);
    }
}
