package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.aiusage.connector.tabnine.TabnineFixtures.ADA;
import static io.aiusage.connector.tabnine.TabnineFixtures.BOB;
import static io.aiusage.connector.tabnine.TabnineFixtures.ORG;
import static io.aiusage.connector.tabnine.TabnineFixtures.PLATFORM;
import static io.aiusage.connector.tabnine.TabnineFixtures.dailyBuckets;
import static io.aiusage.connector.tabnine.TabnineFixtures.error;
import static io.aiusage.connector.tabnine.TabnineFixtures.jsonBody;
import static io.aiusage.connector.tabnine.TabnineFixtures.midnight;
import static io.aiusage.connector.tabnine.TabnineFixtures.requested;
import static io.aiusage.connector.tabnine.TabnineFixtures.tabnineGet;
import static io.aiusage.connector.tabnine.TabnineFixtures.usageAnswer;
import static io.aiusage.connector.tabnine.TabnineFixtures.v2Bucket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.api.MovableClock;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.config.CacheConfig;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.policy.VendorPolicies;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Which Tabnine usage API serves which days, decided at organisation scope only, against WireMock: each test builds a
 * fresh client, detector and cached reader on its own settings and clock, so nothing is remembered between tests.
 */
@QuarkusTest
@TestProfile(TabnineWireMockProfile.class)
class UsageApiDetectorTest {

    private static final String V2_ORG = "/api/v2/organization/usage";

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

    /** The detector's clock, at a fixed Wednesday noon so the months and days asked do not depend on the date. */
    private final MovableClock clock = clockAt(Instant.parse("2025-07-16T12:00:00Z"));
    private final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    /** The last seven whole UTC days, today included. */
    private final TimeWindow lastWeek = TimeWindow.days(today.minusDays(6), today.plusDays(1));
    private UsageApiDetector detector;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        cache.clear();
    }

    private TabnineCached fresh(TestTabnineConfig config) {
        TabnineClient client = new TabnineClient(rest, config, activity, policies, mapper);
        detector = new UsageApiDetector(client, config, clock);
        return new TabnineCached(client, detector, cache, clock, cacheConfig);
    }

    private TabnineCached auto(Duration redetect) {
        return fresh(TestTabnineConfig.of(UsageApi.AUTO, ORG).detecting(redetect, null));
    }

    @Test
    void aUserScoped404OnV2LeavesTheOrganisationOnV2() {
        LocalDate upgrade = today.minusDays(40);
        stubV2Organisation(upgrade);
        wireMock.stubFor(tabnineGet("/api/v2/user/usage").withQueryParam("userId", equalTo(BOB))
                .willReturn(error(404, "NOT_FOUND", "r-user")));
        TabnineCached tabnine = auto(Duration.ofHours(1));

        // the first usage call of the process is about one user, who is gone
        assertThrows(VendorException.NotFound.class, () -> tabnine.userUsage(BOB, lastWeek));
        List<DailyUsage> organisation = tabnine.usage(null, lastWeek).value();

        assertEquals(new UsageApiSplit(upgrade), detector.split());
        assertEquals(7, organisation.size());
        assertEquals(List.of(200L, 100L), organisation.stream().skip(5).map(d -> d.figures().inputTokens()).toList(),
                "today-1 and today from v2 (tokens), not v1");
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("monthly")));
        wireMock.verify(2, requested(V2_ORG).withQueryParam("granularity", equalTo("daily")));
        wireMock.verify(1, requested("/api/v2/user/usage"));
        wireMock.verify(0, anyV1Usage());
    }

    @Test
    void anInstanceWithV1OnlyIsDetectedAtOrganisationScope() {
        wireMock.stubFor(tabnineGet(V2_ORG).willReturn(error(404, "NOT_FOUND", "r-v2")));
        wireMock.stubFor(tabnineGet("/api/v1/team/usage").withQueryParam("teamId", equalTo(PLATFORM))
                .willReturn(jsonBody(200, usageAnswer(dailyBuckets(true, lastWeek.firstDay(), today.plusDays(1),
                        day -> 1)))));
        wireMock.stubFor(tabnineGet("/api/v1/user/usage").withQueryParam("userId", equalTo(ADA))
                .willReturn(jsonBody(200, usageAnswer(dailyBuckets(true, today.minusDays(30), today.plusDays(1),
                        day -> 1)))));
        TabnineCached tabnine = auto(Duration.ofHours(1));

        List<DailyUsage> team = tabnine.usage(PLATFORM, lastWeek).value();
        List<DailyUsage> ada = tabnine.userUsage(ADA, TimeWindow.days(today.minusDays(30), today.minusDays(6)))
                .value();

        assertEquals(UsageApiSplit.V1_ONLY, detector.split());
        assertEquals(3L, team.getFirst().figures().chatMessages(), "v1 chat.interactions");
        assertNull(team.getFirst().figures().inputTokens(), "v1 has no tokens");
        assertEquals(24, ada.size());
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("monthly")));
        wireMock.verify(0, requested("/api/v2/team/usage"));
        wireMock.verify(0, requested("/api/v2/user/usage"));
        wireMock.verify(1, requested("/api/v1/team/usage"));
        wireMock.verify(1, requested("/api/v1/user/usage"));
    }

    @Test
    void afterTheRedetectPeriodANewlyAnsweringV2IsUsed() {
        wireMock.stubFor(tabnineGet(V2_ORG).willReturn(error(404, "NOT_FOUND", "r-v2")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/usage").willReturn(jsonBody(200,
                usageAnswer(dailyBuckets(true, lastWeek.firstDay(), today.plusDays(1), day -> 2)))));
        TabnineCached tabnine = auto(Duration.ofMinutes(30));
        tabnine.usage(null, lastWeek);

        // the instance is upgraded to 6.2 yesterday; usage from then on is only in v2
        LocalDate upgrade = today.minusDays(1);
        stubV2Organisation(upgrade);
        clock.advance(Duration.ofMinutes(20));
        List<DailyUsage> before = tabnine.usage(null, lastWeek).value();
        clock.advance(Duration.ofMinutes(15));
        List<DailyUsage> after = tabnine.usage(null, lastWeek).value();

        assertEquals(List.of(6L, 6L), before.stream().skip(5).map(d -> d.figures().chatMessages()).toList(),
                "within the re-detect period: still v1 (3 interactions per active user)");
        assertEquals(new UsageApiSplit(upgrade), detector.split());
        assertEquals(List.of(6L, 6L, 6L, 6L, 6L, 2L, 4L), after.stream().map(d -> d.figures().chatMessages()).toList(),
                "v1 before the upgrade day, v2 (2 messages per active user) from it");
        assertEquals(List.of(100L, 200L), after.stream().skip(5).map(d -> d.figures().inputTokens()).toList());
        assertNull(after.getFirst().figures().inputTokens());
        wireMock.verify(2, requested(V2_ORG).withQueryParam("granularity", equalTo("monthly")));
        wireMock.verify(1, requested("/api/v1/organization/usage"));
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(upgrade))).withQueryParam("to",
                        equalTo(midnight(today.plusDays(1)))));
    }

    @Test
    void aFailedRedetectionKeepsTheSplitItHadAndWaitsBeforeAskingAgain() {
        LocalDate upgrade = today.minusDays(40);
        stubV2Organisation(upgrade);
        auto(Duration.ofMinutes(30));
        assertEquals(new UsageApiSplit(upgrade), detector.split());
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("monthly")).atPriority(1)
                .willReturn(error(503, "SERVICE_UNAVAILABLE", "r-503")));

        clock.advance(Duration.ofMinutes(31));
        UsageApiSplit duringTheOutage = detector.split();
        int asked = monthlyProbes();
        clock.advance(Duration.ofSeconds(30));
        detector.split();

        assertEquals(new UsageApiSplit(upgrade), duringTheOutage);
        assertEquals(asked, monthlyProbes(), "no new probe within a minute of the failed one");
    }

    @Test
    void aDetectionThatFailsWithNothingKnownIsTheCallersFailure() {
        wireMock.stubFor(tabnineGet(V2_ORG).willReturn(error(401, "UNAUTHORIZED", "r-401")));
        auto(Duration.ofHours(1));

        assertThrows(VendorException.AuthFailed.class, detector::split);
        wireMock.verify(0, anyV1Usage());
    }

    @Test
    void v2WithoutAnyUsageYetTakesOverFromTheDayOfDetection() {
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("monthly"))
                .willReturn(jsonBody(200, usageAnswer(v2Bucket(today.withDayOfMonth(1), today.plusDays(1), 0)))));
        auto(Duration.ofHours(1));

        assertEquals(new UsageApiSplit(today), detector.split());
        wireMock.verify(0, requested(V2_ORG).withQueryParam("granularity", equalTo("daily")));
    }

    @Test
    void aForcedApiOrAKnownBoundaryIsNeverDetected() {
        LocalDate known = LocalDate.parse("2025-06-11");

        fresh(TestTabnineConfig.of(UsageApi.V1, ORG));
        assertEquals(UsageApiSplit.V1_ONLY, detector.split());
        fresh(TestTabnineConfig.of(UsageApi.V2, ORG));
        assertEquals(UsageApiSplit.V2_ONLY, detector.split());
        fresh(TestTabnineConfig.of(UsageApi.AUTO, ORG).detecting(Duration.ofHours(1), known));
        assertEquals(new UsageApiSplit(known), detector.split());

        wireMock.verify(0, getRequestedFor(urlPathMatching("/api/.*")));
    }

    @Test
    void theSearchLooksBackTheConfiguredMonthsAndTheFirstMonthWithUsageDaily() {
        LocalDate upgrade = today.minusDays(40);
        stubV2Organisation(upgrade);
        auto(Duration.ofHours(1));

        assertNotNull(detector.split());

        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("monthly"))
                .withQueryParam("organizationId", equalTo(ORG))
                .withQueryParam("from", equalTo(midnight(today.withDayOfMonth(1).minusMonths(35))))
                .withQueryParam("to", equalTo(midnight(today.plusDays(1)))));
        LocalDate month = upgrade.withDayOfMonth(1);
        wireMock.verify(1, requested(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .withQueryParam("from", equalTo(midnight(month)))
                .withQueryParam("to", equalTo(midnight(month.plusMonths(1)))));
    }

    /**
     * An organisation on v2 since {@code upgrade}: monthly buckets (an empty month before the upgrade's), and daily
     * buckets with zeros before the upgrade day and {@code n} active users on each later day, n counting from 1.
     */
    private void stubV2Organisation(LocalDate upgrade) {
        LocalDate month = upgrade.withDayOfMonth(1);
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("monthly"))
                .willReturn(jsonBody(200, usageAnswer(v2Bucket(month.minusMonths(1), month, 0),
                        v2Bucket(month, month.plusMonths(1), 4)))));
        wireMock.stubFor(tabnineGet(V2_ORG).withQueryParam("granularity", equalTo("daily"))
                .willReturn(jsonBody(200, usageAnswer(dailyBuckets(false, month, today.plusDays(1),
                        day -> day.isBefore(upgrade) ? 0 : (int) (day.toEpochDay() - upgrade.toEpochDay()) % 2 + 1)))));
    }

    private static MovableClock clockAt(Instant instant) {
        MovableClock clock = new MovableClock();
        clock.set(instant);
        return clock;
    }

    private int monthlyProbes() {
        return wireMock.findAll(requested(V2_ORG).withQueryParam("granularity", equalTo("monthly"))).size();
    }

    private static RequestPatternBuilder anyV1Usage() {
        return getRequestedFor(urlPathMatching("/api/v1/(organization|team|user)/usage"));
    }
}
