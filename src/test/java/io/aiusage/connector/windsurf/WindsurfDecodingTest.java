package io.aiusage.connector.windsurf;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.aiusage.connector.windsurf.WindsurfWireMock.json;
import static io.aiusage.connector.windsurf.WindsurfWireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.aiusage.connector.cache.VendorCache;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageRollup;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.WindsurfAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Windsurf's protobuf-JSON quirks, one test each, decoded through the real REST client. */
@QuarkusTest
@TestProfile(WindsurfWireMockProfile.class)
class WindsurfDecodingTest {

    private static final TimeWindow DAY = TimeWindow.of(Instant.parse("2025-05-01T00:00:00Z"),
            Instant.parse("2025-05-02T00:00:00Z"));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    WindsurfConnector connector;

    @Inject
    VendorCache cache;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        cache.clear();
    }

    @Test
    void integersArriveAsNumbersOrAsStrings() {
        List<WindsurfAccount> accounts = users("""
                {"email": "a@x.io", "activeDays": "178", "promptCreditsUsed": 12500},
                {"email": "b@x.io", "activeDays": 3, "promptCreditsUsed": "9007"}""");
        usageAnswers("""
                {"item": {"api_key": "k", "date": "2025-05-01", "num_acceptances": 7, "num_lines_accepted": "12"}}""",
                "", """
                {"cascadeRuns": {"cascadeRuns": [{"day": "2025-05-01T00:00:00Z", "messagesSent": 2,
                  "promptsUsed": "150"}]}}""");

        assertEquals(List.of(178, 3), accounts.stream().map(WindsurfAccount::activeDays).toList());
        assertEquals(List.of(12500, 9007), accounts.stream().map(WindsurfAccount::promptCreditsUsed).toList());
        UsageBucket day = usage().get(0);
        assertEquals(7L, day.completionsAccepted());
        assertEquals(12L, day.completionLinesAccepted());
        assertEquals(2L, day.agentMessages());
        assertEquals(1.5, day.credits());
    }

    @Test
    void absentNumbersAreZero() {
        WindsurfAccount account = users("{\"email\": \"a@x.io\"}").get(0);
        usageAnswers("{\"item\": {\"api_key\": \"k\", \"date\": \"2025-05-01\"}}",
                "{\"item\": {\"date\": \"2025-05-01\"}}", """
                {"cascadeLines": {"cascadeLines": [{"day": "2025-05-01T00:00:00Z", "linesSuggested": "16"}]}},
                {"cascadeRuns": {"cascadeRuns": [{"day": "2025-05-01T00:00:00Z", "cascadeId": "c"}]}}""");

        assertEquals(0, account.activeDays());
        assertEquals(0, account.promptCreditsUsed());
        UsageBucket day = usage().get(0);
        assertEquals(new UsageBucket(day.vendor(), DAY.from(), DAY.to(), 1L, 0L, 0L, 0L, 0L, 0L, null, null, 0.0,
                null), day);
    }

    @Test
    void absentBooleansAreFalse() {
        List<WindsurfAccount> accounts = users("""
                {"email": "enabled@x.io", "lastUpdateTime": "2024-10-10T22:56:10Z"},
                {"email": "disabled@x.io", "lastUpdateTime": "2024-10-10T22:56:10Z", "disableCodeium": true}""");

        assertFalse(accounts.get(0).disabled());
        assertEquals(SeatStatus.IDLE, accounts.get(0).status());
        assertTrue(accounts.get(1).disabled());
        assertEquals(SeatStatus.DEACTIVATED, accounts.get(1).status());
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(json(200, """
                {"userTableStats": [{"email": "a@x.io", "favouriteEditor": "vim", "seat": {"tier": 2}}],
                 "billingCycleStart": "2024-10-01T00:00:00Z", "teamId": "t-1", "apiVersion": "1.10.0"}""")));
        usageAnswers("{\"item\": {\"api_key\": \"k\", \"date\": \"2025-05-01\", \"ide\": \"jetbrains\"}, \"x\": 1}",
                "", """
                {"cascadeRuns": {"cascadeRuns": [{"day": "2025-05-01T00:00:00Z", "messagesSent": "1",
                  "ideType": "cli"}], "truncated": false}}""");

        assertEquals(List.of("a@x.io"), connector.accounts(null).value().stream().map(VendorAccount::email).toList());
        assertEquals(1L, usage().get(0).agentMessages());
    }

    @Test
    void timestampsAreReadWithOrWithoutFractionsAndWithAnyOffset() {
        WindsurfAccount account = users("""
                {"email": "a@x.io",
                 "lastUpdateTime": "2024-10-10T22:56:10.771591Z",
                 "lastAutocompleteUsageTime": "2024-10-10T22:56:10Z",
                 "lastChatUsageTime": "2024-10-11T00:30:00+02:00",
                 "signupTime": "2024-01-15T03:30:00.5-05:00"}""").get(0);

        assertEquals(Instant.parse("2024-10-10T22:56:10.771591Z"), account.lastActiveAt());
        assertEquals(Instant.parse("2024-10-10T22:56:10Z"), account.lastAutocompleteAt());
        assertEquals(Instant.parse("2024-10-10T22:30:00Z"), account.lastCascadeAt());
        assertEquals(Instant.parse("2024-01-15T08:30:00.5Z"), account.signupAt());
    }

    @Test
    void unknownEnumValuesAreKeptAsUnknown() {
        WindsurfAccount account = users("""
                {"email": "a@x.io", "teamStatus": "USER_TEAM_STATUS_SUSPENDED"}""").get(0);
        usageAnswers("", "", """
                {"cascadeRuns": {"cascadeRuns": [{"day": "2025-05-01T00:00:00Z", "messagesSent": "4",
                  "mode": "CONVERSATIONAL_PLANNER_MODE_TURBO"}]}}""");
        wireMock.stubFor(post("CascadeAnalytics").atPriority(1)
                .withRequestBody(containing("cascade_tool_usage"))
                .willReturn(json(200, """
                        {"queryResults": [{"cascadeToolUsage": {"cascadeToolUsage": [
                          {"tool": "BROWSER_CLICK", "count": "4"}, {"tool": "GREP_SEARCH", "count": "9"}]}}]}""")));

        assertEquals("UNKNOWN", account.teamStatus());
        assertEquals(SeatStatus.NEVER_USED, account.status());
        assertEquals(4L, usage().get(0).agentMessages());
        assertEquals(List.of(new WindsurfToolUsage(CascadeTool.GREP_SEARCH, 9),
                new WindsurfToolUsage(CascadeTool.UNKNOWN, 4)), connector.toolUsage(DAY, null));
    }

    @Test
    void omittedListsAndEnumsTakeTheirProtobufDefaults() {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(json(200, "{}")));
        assertEquals(List.of(), connector.accounts(null).value());
        cache.clear();

        WindsurfAccount account = users("{\"email\": \"a@x.io\"}").get(0);
        assertEquals("USER_TEAM_STATUS_UNSPECIFIED", account.teamStatus());
        assertNull(account.lastActiveAt());

        wireMock.stubFor(post("Analytics").willReturn(json(200, "{\"queryResults\": [{}, {}]}")));
        wireMock.stubFor(post("CascadeAnalytics").willReturn(json(200,
                "{\"queryResults\": [{\"cascadeLines\": {}}, {\"cascadeRuns\": {}}]}")));
        assertEquals(List.of(UsageBucket.empty(account.vendor(), DAY)), usage());
    }

    /** The connector's facts for {@link #DAY}, rolled up as the domain does. */
    private List<UsageBucket> usage() {
        return UsageRollup.buckets(Vendor.WINDSURF, connector.usage(DAY, Granularity.DAY, null).value(),
                Periods.of(DAY, Granularity.DAY));
    }

    /** Accounts decoded from a UserPageAnalytics answer holding {@code rows}. */
    private List<WindsurfAccount> users(String rows) {
        cache.clear();
        wireMock.stubFor(post("UserPageAnalytics").willReturn(json(200, "{\"userTableStats\": [" + rows + "]}")));
        return connector.accounts(null).value().stream().map(WindsurfAccount.class::cast).toList();
    }

    /** Usage answers: USER_DATA items, CHAT_DATA items and Cascade query results, each a JSON list body. */
    private void usageAnswers(String userItems, String chatItems, String cascadeResults) {
        wireMock.stubFor(post("Analytics").willReturn(json(200, """
                {"queryResults": [{"responseItems": [%s]}, {"responseItems": [%s]}]}"""
                .formatted(userItems, chatItems))));
        wireMock.stubFor(post("CascadeAnalytics").willReturn(json(200,
                "{\"queryResults\": [" + cascadeResults + "]}")));
    }
}
