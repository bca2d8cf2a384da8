package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.midnight;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.aiusage.connector.cache.VendorCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 10, acceptance 1: the cache keyed by time window, with a moved clock and WireMock counts. Windsurf answers any
 * window ({@link WindsurfDays}); the clock stands at noon, so with Windsurf's 3-hour lag yesterday is closed and
 * today is open.
 */
@QuarkusTest
@TestProfile(CacheClockProfile.class)
class WindowCacheTest {

    static final String BUCKETS = "vendor from to activeUsers completionsAccepted completionLinesAccepted "
            + "chatMessages agentMessages agentLinesAccepted credits";

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    VendorCache cache;

    @Inject
    MovableClock clock;

    final LocalDate today = LocalDate.ofInstant(MovableClock.START, ZoneOffset.UTC);

    @BeforeEach
    void coldCacheAtNoon() {
        clock.set(MovableClock.START);
        cache.awaitRefreshes();
        cache.clear();
        stubWindsurfDays(mocks);
    }

    static void stubWindsurfDays(VendorMocks mocks) {
        mocks.resetAll();
        for (String endpoint : List.of("Analytics", "CascadeAnalytics")) {
            mocks.windsurf().stubFor(windsurf(endpoint).willReturn(json(200, "{}")
                    .withTransformers(WindsurfDays.NAME)));
        }
    }

    /** The last {@code days} whole UTC days ending with {@code last}. */
    static String window(LocalDate last, int days) {
        return "{from: \"" + midnight(last.minusDays(days - 1)) + "\", to: \"" + midnight(last.plusDays(1)) + "\"}";
    }

    static JsonPath usage(String window, String granularity) {
        return graphql("{ usage(window: " + window + ", granularity: " + granularity + ", vendor: WINDSURF) { "
                + "buckets { " + BUCKETS + " } freshness { vendor fetchedAt cached stale } } }")
                .body("errors", nullValue()).extract().jsonPath();
    }

    @Test
    void lastThirtyDaysAskedTwiceAMinuteApartIsOneUpstreamCall() {
        JsonPath first = usage(window(today, 30), "DAY");
        clock.advance(Duration.ofMinutes(1));
        JsonPath second = usage(window(today, 30), "DAY");

        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/CascadeAnalytics")));
        assertEquals(first.getList("data.usage.buckets"), second.getList("data.usage.buckets"));
        assertEquals(List.of(false), first.getList("data.usage.freshness.cached"));
        assertEquals(List.of(true), second.getList("data.usage.freshness.cached"));
        assertEquals(MovableClock.START.toString(), second.getString("data.usage.freshness[0].fetchedAt"),
                "the answer is as old as its oldest data: fetched a minute before");
    }

    @Test
    void windowsInsideANinetyDayQueryCostNoCallAndMatchAColdQuery() {
        usage(window(today, 90), "DAY");
        mocks.windsurf().resetRequests();
        List<String> windows = List.of(window(today, 30), window(today, 7), window(today.minusDays(20), 10));
        List<String> granularities = List.of("DAY", "WEEK", "TOTAL");
        List<List<Object>> cached = new java.util.ArrayList<>();
        for (String w : windows) {
            for (String g : granularities) {
                cached.add(usage(w, g).getList("data.usage.buckets"));
            }
        }
        assertEquals(0, mocks.windsurf().getAllServeEvents().size(), "every day was already held");

        int i = 0;
        for (String w : windows) {
            for (String g : granularities) {
                cache.clear();
                assertEquals(usage(w, g).getList("data.usage.buckets"), cached.get(i++), w + " " + g);
            }
        }
    }

    @Test
    void theNextDaysThirtyDaysAsksOnlyForTheNewAndStillOpenDays() {
        usage(window(today, 30), "DAY");
        mocks.windsurf().resetRequests();
        clock.advance(Duration.ofDays(1));

        usage(window(today.plusDays(1), 30), "DAY");

        // today was still open when fetched (noon); tomorrow is new: one call each for [today, tomorrow + 1)
        assertOneRequest("Analytics", today, today.plusDays(2));
        assertOneRequest("CascadeAnalytics", today, today.plusDays(2));
    }

    @Test
    void aClosedDayOutlivesTheOpenDayTtlWhileTheOpenDayIsFetchedAgain() {
        usage(window(today, 7), "DAY");
        mocks.windsurf().resetRequests();
        clock.advance(Duration.ofMinutes(31));

        JsonPath again = usage(window(today, 7), "DAY");

        // only today, the open day, is asked again: the six closed days are still served
        assertOneRequest("Analytics", today, today.plusDays(1));
        assertOneRequest("CascadeAnalytics", today, today.plusDays(1));
        assertEquals(List.of(true), again.getList("data.usage.freshness.cached"));
        assertEquals(MovableClock.START.toString(), again.getString("data.usage.freshness[0].fetchedAt"));
    }

    private void assertOneRequest(String endpoint, LocalDate from, LocalDate to) {
        List<LoggedRequest> requests = mocks.windsurf().findAll(postRequestedFor(urlEqualTo("/api/v1/" + endpoint)));
        assertEquals(1, requests.size(), endpoint + " calls: " + requests.size());
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/" + endpoint))
                .withRequestBody(matchingJsonPath("$.start_timestamp", WireMock.equalTo(midnight(from))))
                .withRequestBody(matchingJsonPath("$.end_timestamp", WireMock.equalTo(midnight(to)))));
    }
}
