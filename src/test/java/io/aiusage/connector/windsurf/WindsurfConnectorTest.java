package io.aiusage.connector.windsurf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.connector.windsurf.WindsurfWireMock.SERVICE_KEY;
import static io.aiusage.connector.windsurf.WindsurfWireMock.fixture;
import static io.aiusage.connector.windsurf.WindsurfWireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.aiusage.connector.cache.VendorCache;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageRollup;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.WindsurfAccount;
import io.aiusage.domain.port.VendorActivity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every Windsurf endpoint against WireMock: the exact request the connector sends (path, snake_case body, service
 * key, RFC 3339 timestamps) and what it makes of the documented answers.
 */
@QuarkusTest
@TestProfile(WindsurfWireMockProfile.class)
class WindsurfConnectorTest {

    private static final String ALICE_KEY = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
    private static final String BOB_KEY = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb";
    private static final Team ENGINEERING = new Team("WINDSURF:engineering", Vendor.WINDSURF, "engineering", 3);
    private static final Team PLATFORM = new Team("WINDSURF:platform", Vendor.WINDSURF, "platform", 1);
    /** Wednesday 10:00 to the next Tuesday 00:00: six UTC days, the last one a Monday. */
    private static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2025-04-30T10:00:00Z"),
            Instant.parse("2025-05-06T00:00:00Z"));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    WindsurfConnector connector;

    @Inject
    VendorActivity activity;

    @Inject
    VendorCache cache;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        cache.clear();
    }

    @Test
    void demoModeIsOffSoTheConnectorTalksToWireMock() {
        assertTrue(connector.configured());
        assertFalse(connector.demo());
        assertEquals(Vendor.WINDSURF, connector.vendor());
    }

    @Test
    void pingIsOneUserPageAnalyticsCallCarryingTheKeyAndRecordsTheFetch() {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(fixture("user-page-analytics.json")));
        Instant before = Instant.now();

        connector.ping();

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"service_key\": \"" + SERVICE_KEY + "\"}")));
        assertEquals(1, wireMock.getAllServeEvents().size());
        assertFalse(activity.lastFetchedAt(Vendor.WINDSURF).isBefore(before));
    }

    @Test
    void accountsMapEveryDocumentedFieldAndCarryTheirConfiguredGroups() {
        stubGroups();
        TimeWindow year = TimeWindow.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T23:59:59Z"));

        List<VendorAccount> accounts = connector.accounts(year).value();

        // activeDays depend on the window, so the seat table is cached per window snapped to whole UTC days
        wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics")).withRequestBody(equalToJson("""
                {"service_key": "%s",
                 "start_timestamp": "2024-01-01T00:00:00Z", "end_timestamp": "2025-01-01T00:00:00Z"}
                """.formatted(SERVICE_KEY))));
        for (String group : List.of("engineering", "platform")) {
            wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics")).withRequestBody(equalToJson(
                    "{\"service_key\": \"%s\", \"group_name\": \"%s\"}".formatted(SERVICE_KEY, group))));
        }
        assertEquals(3, wireMock.getAllServeEvents().size());

        WindsurfAccount alice = (WindsurfAccount) accounts.get(0);
        assertEquals(new WindsurfAccount(Vendor.WINDSURF, ALICE_KEY, "alice@windsurf.com", "Alice", "admin",
                SeatStatus.IDLE, Instant.parse("2024-10-10T22:56:10.771591Z"), List.of(ENGINEERING), ALICE_KEY, 178,
                12500, Instant.parse("2024-01-15T08:30:00Z"), Instant.parse("2024-10-10T22:56:10Z"),
                Instant.parse("2024-10-10T20:30:00Z"), null, false, "USER_TEAM_STATUS_APPROVED"), alice);
        WindsurfAccount bob = (WindsurfAccount) accounts.get(1);
        assertEquals(BOB_KEY, bob.accountId());
        assertEquals(List.of(ENGINEERING, PLATFORM), bob.teams());
        assertEquals(Instant.parse("2024-10-08T09:15:00Z"), bob.lastCommandAt());
        assertEquals(Instant.parse("2024-10-10T18:11:23.980237Z"), bob.lastActiveAt());
        assertEquals(2, accounts.size());
    }

    @Test
    void teamsAreTheConfiguredGroupsSizedByTheirMembers() {
        stubGroups();

        assertEquals(List.of(ENGINEERING, PLATFORM), connector.teams().value());
        assertEquals(2, wireMock.getAllServeEvents().size());
    }

    @Test
    void aConfiguredGroupWindsurfDoesNotKnowIsLeftOutInsteadOfFailingEverySeat() {
        stubGroups();
        wireMock.stubFor(post("UserPageAnalytics").atPriority(1)
                .withRequestBody(matchingJsonPath("$.group_name", equalTo("platform")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid group name: platform\"}")));

        assertEquals(List.of(ENGINEERING), connector.teams().value());
        List<VendorAccount> accounts = connector.accounts(null).value();
        assertEquals(2, accounts.size(), "every seat is still there");
        assertTrue(accounts.stream().allMatch(a -> a.teams().stream().noneMatch(t -> t.name().equals("platform"))));
    }

    @Test
    void teamMembersAskWindsurfForThatGroupOnly() {
        stubGroups();

        List<VendorAccount> members = connector.teamMembers("engineering");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics")).withRequestBody(equalToJson(
                "{\"service_key\": \"%s\", \"group_name\": \"engineering\"}".formatted(SERVICE_KEY))));
        assertEquals(1, wireMock.getAllServeEvents().size());
        assertEquals(List.of("alice@windsurf.com", "bob@windsurf.com", "charlie@windsurf.com"),
                members.stream().map(VendorAccount::email).toList());
        assertEquals(SeatStatus.PENDING, members.get(2).status());
        assertTrue(members.stream().allMatch(m -> m.teams().equals(List.of(ENGINEERING))));
    }

    @Test
    void usageSendsOneAnalyticsAndOneCascadeRequestOverTheWholeDaysOfTheWindow() {
        stubUsage();

        usage(WINDOW, Granularity.DAY, "engineering");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(equalToJson(analyticsRequest("engineering", "api_key", "date"))));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/CascadeAnalytics")).withRequestBody(equalToJson("""
                {"service_key": "%s", "group_name": "engineering",
                 "start_timestamp": "2025-04-30T00:00:00Z", "end_timestamp": "2025-05-06T00:00:00Z",
                 "query_requests": [{"cascade_lines": {}}, {"cascade_runs": {}}]}
                """.formatted(SERVICE_KEY))));
        assertEquals(2, wireMock.getAllServeEvents().size());
    }

    @Test
    void dailyUsageHasOneBucketPerDayWithHandComputedFigures() {
        stubUsage();

        List<UsageBucket> days = usage(WINDOW, Granularity.DAY, null);

        assertEquals(List.of(
                bucket("2025-04-30", "2025-05-01", 2, 15, 32, 4, 4L, 157L, 2.5),
                bucket("2025-05-01", "2025-05-02", 1, 3, 4, 0, 0L, 0L, 0.0),
                bucket("2025-05-02", "2025-05-03", 1, 0, 0, 6, 0L, 0L, 0.0),
                bucket("2025-05-03", "2025-05-04", 0, 0, 0, 0, 2L, 0L, 1.0),
                bucket("2025-05-04", "2025-05-05", 0, 0, 0, 0, 0L, 0L, 0.0),
                bucket("2025-05-05", "2025-05-06", 2, 20, 41, 2, 5L, 22L, 0.75)), days);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(equalToJson(analyticsRequest(null, "api_key", "date"))));
    }

    @Test
    void totalUsageIsOneBucketCountingEachPersonOnce() {
        stubUsage();

        assertEquals(List.of(bucket("2025-04-30", "2025-05-06", 3, 38, 77, 12, 11L, 179L, 4.25)),
                usage(WINDOW, Granularity.TOTAL, null));
    }

    @Test
    void weeklyUsageSplitsAtMondayAndClipsToTheWindow() {
        stubUsage();

        assertEquals(List.of(
                bucket("2025-04-30", "2025-05-05", 3, 18, 36, 10, 6L, 157L, 3.5),
                bucket("2025-05-05", "2025-05-06", 2, 20, 41, 2, 5L, 22L, 0.75)),
                usage(WINDOW, Granularity.WEEK, null));
    }

    @Test
    void usageByAccountJoinsRowsThroughTheApiKeyAndLeavesCascadeFiguresNull() {
        wireMock.stubFor(post("Analytics").willReturn(fixture("analytics-by-account.json")));
        List<VendorAccount> accounts = List.of(account(ALICE_KEY), account(BOB_KEY), account("no-activity"));

        Map<String, List<UsageBucket>> usage = usageByAccount(accounts, WINDOW, Granularity.TOTAL);

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(equalToJson(analyticsRequest(null, "api_key", "date"))));
        assertEquals(Map.of(
                ALICE_KEY, List.of(personBucket("2025-04-30", "2025-05-06", 1, 25, 59, 5)),
                BOB_KEY, List.of(personBucket("2025-04-30", "2025-05-06", 1, 13, 18, 1)),
                "no-activity", List.of(personBucket("2025-04-30", "2025-05-06", 0, 0, 0, 0))), usage);
    }

    @Test
    void usageByAccountPerDayMarksEachPersonActiveOnlyOnTheirDays() {
        wireMock.stubFor(post("Analytics").willReturn(fixture("analytics-by-account.json")));

        List<UsageBucket> alice = usageByAccount(List.of(account(ALICE_KEY)), WINDOW, Granularity.DAY)
                .get(ALICE_KEY);

        assertEquals(List.of(
                personBucket("2025-04-30", "2025-05-01", 1, 10, 25, 3),
                personBucket("2025-05-01", "2025-05-02", 1, 3, 4, 0),
                personBucket("2025-05-02", "2025-05-03", 0, 0, 0, 0),
                personBucket("2025-05-03", "2025-05-04", 0, 0, 0, 0),
                personBucket("2025-05-04", "2025-05-05", 0, 0, 0, 0),
                personBucket("2025-05-05", "2025-05-06", 1, 12, 30, 2)), alice);
    }

    @Test
    void usageByAccountHoldsTheAskedAccountsRowsOnlyAndFollowsDaysReadAgain() {
        wireMock.stubFor(post("Analytics").willReturn(fixture("analytics-by-account.json")));

        List<DailyUsage> alice = connector.usageByAccount(List.of(account(ALICE_KEY)), WINDOW, Granularity.DAY)
                .value().rows();
        List<DailyUsage> bob = connector.usageByAccount(List.of(account(BOB_KEY), account(BOB_KEY)), WINDOW,
                Granularity.DAY).value().rows();

        // the organisation's rows are read once, and each answer carries its own accounts' rows, once each
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
        assertEquals(List.of(ALICE_KEY), alice.stream().map(DailyUsage::account).distinct().toList());
        assertFalse(alice.isEmpty());
        assertEquals(List.of(BOB_KEY), bob.stream().map(DailyUsage::account).distinct().toList());
        assertEquals(bob.size(), bob.stream().distinct().count());

        // days read again (here: an empty answer) are what the next ask sees, not the rows grouped before
        cache.clear();
        wireMock.stubFor(post("Analytics").willReturn(okJson("{\"queryResults\": [{\"responseItems\": []}, "
                + "{\"responseItems\": []}]}")));
        assertEquals(List.of(), connector.usageByAccount(List.of(account(ALICE_KEY)), WINDOW, Granularity.DAY)
                .value().rows());
    }

    @Test
    void usageForManyPeopleCostsTheSameWindsurfCallsAsForOne() {
        wireMock.stubFor(post("Analytics").willReturn(fixture("analytics-by-account.json")));

        usageByAccount(List.of(account(ALICE_KEY)), WINDOW, Granularity.DAY);
        int forOne = wireMock.getAllServeEvents().size();
        wireMock.resetRequests();
        cache.clear(); // cold again: the days just read would otherwise cost nothing at all
        List<VendorAccount> many = IntStream.range(0, 250).mapToObj(i -> account("key-" + i)).toList();
        Map<String, List<UsageBucket>> usage = usageByAccount(many, WINDOW, Granularity.DAY);

        assertEquals(1, forOne);
        assertEquals(forOne, wireMock.getAllServeEvents().size());
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
        assertEquals(250, usage.size());
    }

    @Test
    void creditBalanceReadsGetTeamCreditBalance() {
        wireMock.stubFor(post("GetTeamCreditBalance").willReturn(fixture("team-credit-balance.json")));

        WindsurfCreditBalance balance = connector.creditBalance();

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/GetTeamCreditBalance"))
                .withRequestBody(equalToJson("{\"service_key\": \"" + SERVICE_KEY + "\"}")));
        assertEquals(new WindsurfCreditBalance(500, 50, 10000, 3500, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z")), balance);
    }

    @Test
    void addOnCreditCapSendsExactlyOneScopeAndReadsNoCapAsEmpty() {
        wireMock.stubFor(post("GetUsageConfig").atPriority(10).willReturn(fixture("usage-config.json")));
        wireMock.stubFor(post("GetUsageConfig").atPriority(1)
                .withRequestBody(matchingJsonPath("$.user_email")).willReturn(fixture("usage-config-none.json")));

        assertEquals(Optional.of(10000), connector.addOnCreditCap(CreditCapScope.team()));
        assertEquals(Optional.of(10000), connector.addOnCreditCap(CreditCapScope.group("engineering_team")));
        assertEquals(Optional.empty(), connector.addOnCreditCap(CreditCapScope.user("alice@windsurf.com")));

        for (String scope : List.of("\"team_level\": true", "\"group_id\": \"engineering_team\"",
                "\"user_email\": \"alice@windsurf.com\"")) {
            wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/GetUsageConfig")).withRequestBody(
                    equalToJson("{\"service_key\": \"%s\", %s}".formatted(SERVICE_KEY, scope))));
        }
    }

    @Test
    void toolUsageSumsSplitEntriesMostUsedFirst() {
        wireMock.stubFor(post("CascadeAnalytics").willReturn(fixture("cascade-tool-usage.json")));

        List<WindsurfToolUsage> tools = connector.toolUsage(WINDOW, "platform");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/CascadeAnalytics")).withRequestBody(equalToJson("""
                {"service_key": "%s", "group_name": "platform",
                 "start_timestamp": "2025-04-30T00:00:00Z", "end_timestamp": "2025-05-06T00:00:00Z",
                 "query_requests": [{"cascade_tool_usage": {}}]}
                """.formatted(SERVICE_KEY))));
        assertEquals(List.of(
                new WindsurfToolUsage(CascadeTool.VIEW_FILE, 42),
                new WindsurfToolUsage(CascadeTool.CODE_ACTION, 20),
                new WindsurfToolUsage(CascadeTool.MQUERY, 3),
                new WindsurfToolUsage(CascadeTool.UNKNOWN, 2)), tools);
    }

    /** The connector's facts rolled up as the domain does. */
    private List<UsageBucket> usage(TimeWindow window, Granularity granularity, String group) {
        return UsageRollup.buckets(Vendor.WINDSURF, connector.usage(window, granularity, group).value(),
                Periods.of(window, granularity));
    }

    private Map<String, List<UsageBucket>> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        return UsageRollup.perAccount(Vendor.WINDSURF, connector.usageByAccount(accounts, window, granularity).value(),
                accounts.stream().map(VendorAccount::accountId).toList(), Periods.of(window, granularity));
    }

    private void stubGroups() {
        wireMock.stubFor(post("UserPageAnalytics").atPriority(10).willReturn(fixture("user-page-analytics.json")));
        for (String group : List.of("engineering", "platform")) {
            wireMock.stubFor(post("UserPageAnalytics").atPriority(1)
                    .withRequestBody(matchingJsonPath("$.group_name", equalTo(group)))
                    .willReturn(fixture("user-page-analytics-" + group + ".json")));
        }
    }

    private void stubUsage() {
        wireMock.stubFor(post("Analytics").willReturn(fixture("analytics-usage.json")));
        wireMock.stubFor(post("CascadeAnalytics").willReturn(fixture("cascade-analytics.json")));
    }

    /** The Custom Analytics body for {@link #WINDOW}, with CHAT_DATA grouped by {@code chatGroupBy}. */
    private static String analyticsRequest(String groupName, String... chatGroupBy) {
        String groupMember = groupName == null ? "" : "\"group_name\": \"%s\",".formatted(groupName);
        String filters = """
                "filters": [
                  {"name": "date", "filter": "QUERY_FILTER_GE", "value": "2025-04-30"},
                  {"name": "date", "filter": "QUERY_FILTER_LESS_THAN", "value": "2025-05-06"}]""";
        String chatAggregations = Stream.of(chatGroupBy)
                .map(field -> "{\"field\": \"%s\", \"name\": \"%s\"}".formatted(field, field))
                .collect(Collectors.joining(", "));
        return """
                {"service_key": "%s", %s
                 "start_timestamp": "2025-04-30T00:00:00Z", "end_timestamp": "2025-05-06T00:00:00Z",
                 "query_requests": [
                   {"data_source": "QUERY_DATA_SOURCE_USER_DATA",
                    "selections": [
                      {"field": "num_acceptances", "name": "num_acceptances",
                       "aggregation_function": "QUERY_AGGREGATION_SUM"},
                      {"field": "num_lines_accepted", "name": "num_lines_accepted",
                       "aggregation_function": "QUERY_AGGREGATION_SUM"}],
                    %s,
                    "aggregations": [{"field": "api_key", "name": "api_key"}, {"field": "date", "name": "date"}]},
                   {"data_source": "QUERY_DATA_SOURCE_CHAT_DATA",
                    "selections": [
                      {"field": "num_chats_received", "name": "num_chats_received",
                       "aggregation_function": "QUERY_AGGREGATION_SUM"}],
                    %s,
                    "aggregations": [%s]}]}
                """.formatted(SERVICE_KEY, groupMember, filters, filters, chatAggregations);
    }

    private static VendorAccount account(String apiKey) {
        return new WindsurfAccount(Vendor.WINDSURF, apiKey, apiKey + "@example.com", null, null, SeatStatus.ACTIVE,
                null, List.of(), apiKey, null, null, null, null, null, null, false, "USER_TEAM_STATUS_APPROVED");
    }

    private static UsageBucket bucket(String from, String to, long active, long completions, long lines, long chats,
            Long agentMessages, Long agentLines, Double credits) {
        return new UsageBucket(Vendor.WINDSURF, day(from), day(to), active, completions, lines, chats, agentMessages,
                agentLines, null, null, credits, null);
    }

    private static UsageBucket personBucket(String from, String to, long active, long completions, long lines,
            long chats) {
        return bucket(from, to, active, completions, lines, chats, null, null, null);
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
