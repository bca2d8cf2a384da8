package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aiusage.connector.cache.VendorCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 10, acceptance 2: twenty concurrent identical cold queries make one upstream call. Windsurf answers after a
 * delay, and the test checks that all twenty were in flight together (each started before any answered).
 */
@QuarkusTest
@TestProfile(CacheClockProfile.class)
class SingleFlightTest {

    private static final int CLIENTS = 20;

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    VendorCache cache;

    @Inject
    MovableClock clock;

    @BeforeEach
    void coldCache() {
        clock.set(MovableClock.START);
        cache.awaitRefreshes();
        cache.clear();
        mocks.resetAll();
        for (String endpoint : List.of("Analytics", "CascadeAnalytics")) {
            mocks.windsurf().stubFor(windsurf(endpoint).willReturn(json(200, "{}")
                    .withTransformers(WindsurfDays.NAME).withFixedDelay(1500)));
        }
    }

    /** A client's query: when it was sent and when its answer arrived. */
    private record Asked(long sentAt, long answeredAt, List<Object> buckets) {
    }

    @Test
    void twentyConcurrentIdenticalColdQueriesMakeOneUpstreamCall() throws Exception {
        String window = WindowCacheTest.window(LocalDate.ofInstant(MovableClock.START, ZoneOffset.UTC), 30);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Asked>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    List<Object> buckets = WindowCacheTest.usage(window, "WEEK").getList("data.usage.buckets");
                    return new Asked(sent, System.nanoTime(), buckets);
                }));
            }
            List<Asked> asked = new ArrayList<>();
            for (Future<Asked> answer : answers) {
                asked.add(answer.get());
            }

            long lastSent = asked.stream().mapToLong(Asked::sentAt).max().orElseThrow();
            long firstAnswered = asked.stream().mapToLong(Asked::answeredAt).min().orElseThrow();
            assertTrue(lastSent < firstAnswered, "the twenty queries were in flight together");
            mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
            mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/CascadeAnalytics")));
            assertTrue(asked.stream().allMatch(a -> a.buckets().equals(asked.getFirst().buckets())),
                    "every caller shares the one answer");
            assertTrue(asked.getFirst().buckets().size() >= 5, "thirty days are five ISO weeks or more");
        } finally {
            clients.shutdownNow();
        }
    }
}
