package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.aiusage.connector.tabnine.TabnineFixtures.ADA;
import static io.aiusage.connector.tabnine.TabnineFixtures.EVE;
import static io.aiusage.connector.tabnine.TabnineFixtures.ORG;
import static io.aiusage.connector.tabnine.TabnineFixtures.dailyBuckets;
import static io.aiusage.connector.tabnine.TabnineFixtures.error;
import static io.aiusage.connector.tabnine.TabnineFixtures.jsonBody;
import static io.aiusage.connector.tabnine.TabnineFixtures.midnight;
import static io.aiusage.connector.tabnine.TabnineFixtures.requested;
import static io.aiusage.connector.tabnine.TabnineFixtures.tabnineGet;
import static io.aiusage.connector.tabnine.TabnineFixtures.usageAnswer;
import static io.aiusage.connector.tabnine.TabnineFixtures.v1Bucket;
import static io.aiusage.connector.tabnine.TabnineFixtures.v2Bucket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.api.MovableClock;
import io.aiusage.config.DemoConfig;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.config.CacheConfig;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.policy.VendorPolicies;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageRollup;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.VendorActivity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tabnine history across the 6.2 upgrade, end to end against WireMock: an organisation that moved to v2 on Wednesday
 * 11 June 2025, asked for Monday 9 to Friday 13 June. v1 answers carry 7n completions and 3n chat interactions per
 * n active users and no tokens; v2 answers 10n completions, 2n chat messages and 100n input tokens, so every figure
 * shows which API it came from.
 */
@QuarkusTest
@TestProfile(TabnineWireMockProfile.class)
class TabnineHistoryTest {

    private static final String V1_ORG = "/api/v1/organization/usage";
    private static final String V2_ORG = "/api/v2/organization/usage";
    private static final LocalDate UPGRADE = LocalDate.parse("2025-06-11");
    private static final TimeWindow WEEK = TimeWindow.days(LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-14"));
    private static final List<String> ADDITIVE = List.of("completionsAccepted", "completionLinesAccepted",
            "chatMessages", "agentMessages", "agentLinesAccepted", "inputTokens", "outputTokens");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    @RestClient
    TabnineRestClient rest;

    @Inject
    VendorActivity activity;

    @Inject
    VendorPolicies policies;

    @Inject
    VendorCache cache;

    @Inject
    ObjectMapper mapper;

    @Inject
    CacheConfig cacheConfig;

    @Inject
    DemoConfig demo;

    @Inject
    Clock appClock;

    @Inject
    Concurrently concurrently;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        cache.clear();
        wireMock.stubFor(tabnineGet("/api/v1/organization/agent-usage").willReturn(jsonBody(403, """
                {"error": "FEATURE_NOT_AVAILABLE", "message": "The Agent feature is not included in your account's license."}""")));
        // v1 answers whatever it is asked with its frozen days, the morning of the upgrade day included
        wireMock.stubFor(tabnineGet(V1_ORG).withQueryParam("granularity", equalTo("daily")).willReturn(jsonBody(200,
                usageAnswer(v1Day("2025-06-09", 6), v1Day("2025-06-10", 8), v1Day("2025-06-11", 2)))));
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(UPGRADE))).willReturn(jsonBody(200,
                        usageAnswer(v2Day("2025-06-11", 3), v2Day("2025-06-12", 5), v2Day("2025-06-13", 4)))));
        // distinct active users of each side of the boundary, asked as one span each
        wireMock.stubFor(tabnineGet(V1_ORG).withQueryParam("granularity", equalTo("all"))
                .withQueryParam("from", equalTo(midnight(WEEK.firstDay())))
                .withQueryParam("to", equalTo(midnight(UPGRADE)))
                .willReturn(jsonBody(200, usageAnswer(v1Bucket(WEEK.firstDay(), UPGRADE, 9)))));
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("all"))
                .withQueryParam("from", equalTo(midnight(UPGRADE)))
                .withQueryParam("to", equalTo(midnight(WEEK.endDayExclusive())))
                .willReturn(jsonBody(200, usageAnswer(v2Bucket(UPGRADE, WEEK.endDayExclusive(), 7)))));
    }

    @Test
    void aWindowAcrossTheUpgradeIsV1BeforeTheBoundaryAndV2FromItWithDayAndTotalAgreeing() {
        stubDetection();
        TabnineConnector tabnine = connector(null);

        List<UsageBucket> days = usage(tabnine, Granularity.DAY);
        List<UsageBucket> total = usage(tabnine, Granularity.TOTAL);

        assertEquals(List.of(6L, 8L, 3L, 5L, 4L), days.stream().map(UsageBucket::activeUsers).toList());
        assertEquals(List.of(42L, 56L, 30L, 50L, 40L), days.stream().map(UsageBucket::completionsAccepted).toList());
        assertEquals(List.of(18L, 24L, 6L, 10L, 8L), days.stream().map(UsageBucket::chatMessages).toList(),
                "v1 chat.interactions before the boundary, v2 chat.messages from it");
        assertEquals(List.of(12L, 16L, 3L, 5L, 4L), days.stream().map(UsageBucket::agentMessages).toList(),
                "v1 agent.interactions before the boundary, v2 agent.messages from it");
        assertEquals(Arrays.asList(null, null, 300L, 500L, 400L), days.stream().map(UsageBucket::inputTokens)
                .toList(), "v1 has no tokens: null on its days, not 0");
        TimeWindow boundaryDay = TimeWindow.days(UPGRADE, UPGRADE.plusDays(1));
        assertEquals(new UsageBucket(Vendor.TABNINE, boundaryDay.from(), boundaryDay.to(), 3L, 30L, 36L, 6L, 3L, 12L,
                300L, 60L, null, null), days.get(2), "the boundary day from v2 alone, counted once");
        assertEquals(1, total.size());
        assertEquals(9L, total.getFirst().activeUsers(), "the larger of v1's 9 before and v2's 7 from the boundary");
        for (String metric : ADDITIVE) {
            assertEquals(sum(days, metric), figure(metric).apply(total.getFirst()), metric);
        }
        wireMock.verify(1, requested(V1_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(WEEK.firstDay())))
                .withQueryParam("to", equalTo(midnight(UPGRADE))));
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(UPGRADE)))
                .withQueryParam("to", equalTo(midnight(WEEK.endDayExclusive()))));
    }

    @Test
    void theStitchedSeriesIsCachedPerDayLikeAnyOther() {
        stubDetection();
        TabnineConnector tabnine = connector(null);
        usage(tabnine, Granularity.DAY);
        usage(tabnine, Granularity.TOTAL);
        int calls = wireMock.getAllServeEvents().size();

        List<UsageBucket> again = usage(tabnine, Granularity.TOTAL);
        List<UsageBucket> week = usage(tabnine, Granularity.WEEK);

        assertEquals(calls, wireMock.getAllServeEvents().size(), "no vendor call: every day and span is held");
        assertEquals(again, week, "Monday to Friday is one ISO week: WEEK and TOTAL are the same bucket");
        wireMock.verify(1, requested(V1_ORG).withQueryParam("granularity", equalTo("all")));
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("all")));
    }

    @Test
    void aKnownBoundaryGivesTheSameFiguresWithoutDetecting() {
        stubDetection();
        List<UsageBucket> detected = usage(connector(null), Granularity.DAY);
        cache.clear();
        wireMock.resetRequests();

        List<UsageBucket> configured = usage(connector(UPGRADE), Granularity.DAY);

        assertEquals(detected, configured);
        wireMock.verify(0, requested(V2_ORG).withQueryParam("granularity", equalTo("monthly")));
    }

    @Test
    void onePersonsSeriesIsStitchedTooAndAUserV1DoesNotKnowHasNoEarlierHistory() {
        stubDetection();
        wireMock.stubFor(tabnineGet("/api/v1/user/usage").withQueryParam("userId", equalTo(ADA))
                .willReturn(jsonBody(200, usageAnswer(v1Day("2025-06-09", 1)))));
        wireMock.stubFor(tabnineGet("/api/v2/user/usage").withQueryParam("userId", equalTo(ADA))
                .willReturn(jsonBody(200, usageAnswer(v2Day("2025-06-12", 1)))));
        // Eve joined after the upgrade: v1 does not know her
        wireMock.stubFor(tabnineGet("/api/v1/user/usage").withQueryParam("userId", equalTo(EVE))
                .willReturn(error(404, "NOT_FOUND", "r-eve")));
        wireMock.stubFor(tabnineGet("/api/v2/user/usage").withQueryParam("userId", equalTo(EVE))
                .willReturn(jsonBody(200, usageAnswer(v2Day("2025-06-13", 1)))));
        TabnineConnector tabnine = connector(null);
        List<VendorAccount> accounts = List.of(account(ADA), account(EVE));

        Map<String, List<UsageBucket>> days = perAccount(tabnine, accounts, Granularity.DAY);
        Map<String, List<UsageBucket>> total = perAccount(tabnine, accounts, Granularity.TOTAL);

        assertEquals(List.of(7L, 0L, 0L, 10L, 0L), days.get(ADA).stream().map(UsageBucket::completionsAccepted)
                .toList());
        assertEquals(Arrays.asList(null, null, 0L, 100L, 0L), days.get(ADA).stream().map(UsageBucket::inputTokens)
                .toList());
        assertEquals(new UsageBucket(Vendor.TABNINE, WEEK.from(), WEEK.to(), 1L, 17L, 20L, 5L, 3L, 9L, 100L, 20L,
                null, null), total.get(ADA).getFirst());
        assertEquals(List.of(0L, 0L, 0L, 0L, 10L), days.get(EVE).stream().map(UsageBucket::completionsAccepted)
                .toList());
        assertEquals(1L, total.get(EVE).getFirst().activeUsers());
    }

    /** The organisation's first v2 day is read from v2: a monthly search, then the first month with usage daily. */
    private void stubDetection() {
        LocalDate june = UPGRADE.withDayOfMonth(1);
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("monthly")).willReturn(jsonBody(200,
                usageAnswer(v2Bucket(june.minusMonths(1), june, 0), v2Bucket(june, june.plusMonths(1), 12),
                        v2Bucket(june.plusMonths(1), LocalDate.parse("2025-07-17"), 12)))));
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(june))).willReturn(jsonBody(200, usageAnswer(
                        dailyBuckets(false, june, june.plusMonths(1), day -> day.isBefore(UPGRADE) ? 0 : 2)))));
    }

    /** A fresh connector whose detector stands on 16 July 2025; {@code v2Since} set means the boundary is known. */
    private TabnineConnector connector(LocalDate v2Since) {
        TestTabnineConfig config = TestTabnineConfig.of(UsageApi.AUTO, ORG).detecting(Duration.ofHours(1), v2Since);
        MovableClock clock = new MovableClock();
        clock.set(Instant.parse("2025-07-16T12:00:00Z"));
        TabnineClient client = new TabnineClient(rest, config, activity, policies, mapper);
        TabnineCached cached = new TabnineCached(client, new UsageApiDetector(client, config, clock), cache, appClock,
                cacheConfig);
        return new TabnineConnector(client, cached, config, demo, appClock, concurrently);
    }

    private static List<UsageBucket> usage(TabnineConnector tabnine, Granularity granularity) {
        return UsageRollup.buckets(Vendor.TABNINE, tabnine.usage(WEEK, granularity, null).value(),
                Periods.of(WEEK, granularity));
    }

    private static Map<String, List<UsageBucket>> perAccount(TabnineConnector tabnine, List<VendorAccount> accounts,
            Granularity granularity) {
        return UsageRollup.perAccount(Vendor.TABNINE, tabnine.usageByAccount(accounts, WEEK, granularity).value(),
                accounts.stream().map(VendorAccount::accountId).toList(), Periods.of(WEEK, granularity));
    }

    private static Long sum(List<UsageBucket> days, String metric) {
        return days.stream().map(figure(metric)).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    private static Function<UsageBucket, Long> figure(String metric) {
        return switch (metric) {
            case "completionsAccepted" -> UsageBucket::completionsAccepted;
            case "completionLinesAccepted" -> UsageBucket::completionLinesAccepted;
            case "chatMessages" -> UsageBucket::chatMessages;
            case "agentMessages" -> UsageBucket::agentMessages;
            case "agentLinesAccepted" -> UsageBucket::agentLinesAccepted;
            case "inputTokens" -> UsageBucket::inputTokens;
            case "outputTokens" -> UsageBucket::outputTokens;
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private static String v1Day(String day, int n) {
        LocalDate d = LocalDate.parse(day);
        return v1Bucket(d, d.plusDays(1), n);
    }

    private static String v2Day(String day, int n) {
        LocalDate d = LocalDate.parse(day);
        return v2Bucket(d, d.plusDays(1), n);
    }

    private static VendorAccount account(String id) {
        return new TabnineAccount(Vendor.TABNINE, id, id + "@acme.example", null, "Member", SeatStatus.ACTIVE, null,
                List.of(), true, true, null);
    }
}
