package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.aiusage.connector.cache.VendorCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 10, acceptance 3: after a good fetch, a Windsurf outage still answers with the cached data, marked stale, with
 * a warning in errors[] naming the vendor and the failure code; the next good fetch clears it.
 */
@QuarkusTest
@TestProfile(CacheClockProfile.class)
class StaleIfErrorTest {

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    VendorCache cache;

    @Inject
    MovableClock clock;

    private final String window = WindowCacheTest.window(LocalDate.ofInstant(MovableClock.START, ZoneOffset.UTC), 7);

    @BeforeEach
    void coldCache() {
        clock.set(MovableClock.START);
        cache.awaitRefreshes();
        cache.clear();
        WindowCacheTest.stubWindsurfDays(mocks);
    }

    private JsonPath usage() {
        return graphql("{ usage(window: " + window + ", granularity: DAY, vendor: WINDSURF) { buckets { "
                + WindowCacheTest.BUCKETS + " } freshness { vendor fetchedAt cached stale } } }").extract().jsonPath();
    }

    @Test
    void anOutageServesTheLastGoodDataMarkedStaleWithAWarningUntilTheNextSuccess() {
        JsonPath good = usage();
        clock.advance(Duration.ofMinutes(31)); // today's entries are past their 30-minute lifetime
        StubMapping outage = mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));

        JsonPath during = usage();

        assertEquals(good.getList("data.usage.buckets"), during.getList("data.usage.buckets"), "the cached figures");
        assertEquals(List.of(true), during.getList("data.usage.freshness.stale"));
        assertEquals(MovableClock.START.toString(), during.getString("data.usage.freshness[0].fetchedAt"));
        List<Map<String, Object>> errors = during.getList("errors");
        assertEquals(1, errors.size(), () -> "one warning: " + errors);
        assertEquals(List.of("usage"), during.getList("errors[0].path"));
        assertEquals("VENDOR_UNAVAILABLE", during.getString("errors[0].extensions.code"));
        assertEquals("WINDSURF", during.getString("errors[0].extensions.vendor"));
        assertEquals("STALE", during.getString("errors[0].extensions.warning"));

        mocks.windsurf().removeStub(outage);
        JsonPath after = usage();

        assertNull(after.get("errors"));
        assertEquals(List.of(false), after.getList("data.usage.freshness.stale"));
        assertEquals(good.getList("data.usage.buckets"), after.getList("data.usage.buckets"));
    }

    @Test
    void withNothingGoodToServeTheOutageIsAnErrorAndNothingIsCached() {
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));

        JsonPath failed = usage();

        assertEquals(List.of(), failed.getList("data.usage.buckets"));
        assertEquals("VENDOR_UNAVAILABLE", failed.getString("errors[0].extensions.code"));
        assertNull(failed.get("errors[0].extensions.warning"));
        mocks.windsurf().resetAll();
        WindowCacheTest.stubWindsurfDays(mocks);
        assertNull(usage().get("errors"), "the failure was not cached: the vendor is asked again and answers");
    }
}
