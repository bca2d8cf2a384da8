package io.aiusage.connector.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.aiusage.api.PrometheusScrape;
import io.aiusage.config.CacheConfig;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorException;
import io.aiusage.ops.CacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 10, acceptance 5, against a real Redis server. Two instances: the application's own cache (the default Redis
 * client) and a second one built here on a second client to the same server, as another replica would be; they share
 * nothing but Redis. The upstream is a WireMock server, so its request count is what a vendor would see.
 */
@QuarkusTest
@TestProfile(RedisProfile.class)
@ExtendWith(RedisAvailable.class)
class RedisSharedCacheTest {

    private static final Dataset<List<DailyUsage>> DAYS = Dataset.of(Vendor.WINDSURF, "redis-test",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());
    private static WireMockServer upstream;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    VendorCache first;

    @Inject
    RedisDataSource redis;

    @Inject
    @RedisClientName("second")
    RedisDataSource secondRedis;

    @Inject
    CacheConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(get(urlEqualTo("/usage")).willReturn(aResponse().withStatus(200).withBody("7")));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    /** One upstream call: every day of the run gets the number it answers as its completions. */
    private static Map<LocalDate, List<DailyUsage>> fetch(TimeWindow run) {
        long completions = Long.parseLong(call());
        Map<LocalDate, List<DailyUsage>> days = new java.util.HashMap<>();
        for (LocalDate d = run.firstDay(); d.isBefore(run.endDayExclusive()); d = d.plusDays(1)) {
            days.put(d, List.of(new DailyUsage(d, "k1", 1L,
                    new UsageFigures(completions, null, null, null, null, null, null, 0.5, null))));
        }
        return days;
    }

    private static String call() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/usage")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEntryWrittenByOneInstanceIsServedToASecondWithoutAnUpstreamCall() {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        VendorCache second = new VendorCache(new RedisEntryStore(secondRedis, json, config.redis().keyPrefix()),
                config, clock, executor, new CacheMetrics(new SimpleMeterRegistry()));
        TimeWindow week = TimeWindow.lastDays(7, clock.instant());
        upstream.resetRequests();

        Fetched<List<List<DailyUsage>>> written = first.days(DAYS, "org", week, RedisSharedCacheTest::fetch);
        Fetched<List<List<DailyUsage>>> read = second.days(DAYS, "org", week, RedisSharedCacheTest::fetch);

        upstream.verify(1, getRequestedFor(urlEqualTo("/usage")));
        assertEquals(written.value(), read.value(), "the second instance reads what the first wrote");
        assertFalse(written.freshness().cached());
        assertTrue(read.freshness().cached());
        assertEquals(written.freshness().fetchedAt(), read.freshness().fetchedAt());
        executor.shutdown();
    }

    @Test
    void twoInstancesSharingABudgetOfFivePerPeriodMakeAtMostFiveCallsTogether() throws Exception {
        BudgetLimits fivePerHour = new BudgetLimits(5, Duration.ofHours(1), 5, Duration.ZERO);
        String prefix = config.redis().keyPrefix() + "budget-test-" + System.nanoTime() + ":";
        List<RedisRequestBudget> replicas = List.of(new RedisRequestBudget(redis, prefix, v -> fivePerHour),
                new RedisRequestBudget(secondRedis, prefix, v -> fivePerHour));
        upstream.resetRequests();
        AtomicInteger limited = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RedisRequestBudget budget = replicas.get(i % 2);
            calls.add(callers.submit(() -> {
                try {
                    budget.acquire(Vendor.WINDSURF);
                    call();
                } catch (VendorException.RateLimited e) {
                    assertTrue(e.retryAfter().toSeconds() > 0, "the caller learns when to come back");
                    limited.incrementAndGet();
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();

        assertEquals(5, upstream.findAll(getRequestedFor(urlEqualTo("/usage"))).size(),
                "the vendor saw the budget once, not once per replica");
        assertEquals(35, limited.get());
    }

    /**
     * Issue 12: with the cache in Redis, readiness checks Redis (UP while it answers; the DOWN case is
     * {@code RedisUnreachableIT}), and the cache is measured as with Caffeine: a cold read is one miss per day and one
     * load, the same read again one hit per day.
     */
    @Test
    void readinessChecksRedisAndTheCacheInRedisIsMeasured() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name.toLowerCase().contains('redis') }.status", equalTo("UP"));
        TimeWindow week = TimeWindow.lastDays(7, clock.instant());
        Map<String, String> dataset = Map.of("vendor", "windsurf", "dataset", "redis-test");
        first.clear();
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();

        first.days(DAYS, "org", week, RedisSharedCacheTest::fetch);
        first.days(DAYS, "org", week, RedisSharedCacheTest::fetch);
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(7, PrometheusScrape.increase(before, after, "aiusage_cache_requests_total",
                PrometheusScrape.with(dataset, "result", "miss")));
        assertEquals(7, PrometheusScrape.increase(before, after, "aiusage_cache_requests_total",
                PrometheusScrape.with(dataset, "result", "hit")));
        assertEquals(1, PrometheusScrape.increase(before, after, "aiusage_cache_loads_seconds_count",
                PrometheusScrape.with(dataset, "result", "success")));
    }

    @Test
    void theApplicationKeepsItsVendorEntriesInRedis() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().contentType("application/json").body(Map.of("query", "{ usage(window: {from: \"" + today.minusDays(6)
                + "T00:00:00Z\", to: \"" + today.plusDays(1) + "T00:00:00Z\"}, vendor: WINDSURF) { buckets { "
                + "completionsAccepted } } }")).post("/graphql").then().statusCode(200);

        List<String> keys = new ArrayList<>();
        redis.key().keys(config.redis().keyPrefix() + "cache:WINDSURF|analytics|org|*").forEach(keys::add);
        assertEquals(7, keys.size(), () -> "one entry per day of the window: " + keys);
    }
}
