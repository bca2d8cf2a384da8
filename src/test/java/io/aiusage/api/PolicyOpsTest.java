package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.aiusage.api.PrometheusScrape.increase;
import static io.aiusage.api.PrometheusScrape.with;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 2 and 3, for what the vendor call policy decides: an open breaker shows in
 * {@code aiusage_vendor_breaker_state}, in SmallRye Fault Tolerance's own gauge, as refusals and as readiness data,
 * while liveness and readiness stay UP; a call held back by a vendor's short pause is a wait, and a call refused for
 * a long one a rejection, per vendor.
 */
@QuarkusTest
@TestProfile(VendorPolicyProfile.class)
class PolicyOpsTest extends WireMockGraphQLTest {

    @Inject
    VendorConnectors connectors;

    @Inject
    VendorActivity activity;

    private VendorConnector connector(Vendor vendor) {
        return connectors.find(vendor).orElseThrow();
    }

    @Test
    void anOpenBreakerIsMeasuredAndReportedWhileThePodStaysLiveAndReady() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));
        Map<String, String> seatTable = Map.of("vendor", "windsurf", "endpoint", "UserPageAnalytics");
        Map<String, String> open = Map.of("vendor", "windsurf", "state", "open");
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();
        assertEquals(0, PrometheusScrape.value(before, "aiusage_vendor_breaker_state", open));

        // five failed attempts open the breaker (VendorPolicyProfile), which refuses the sixth and the third call
        for (int call = 0; call < 3; call++) {
            assertThrows(VendorException.Unavailable.class, connector(Vendor.WINDSURF)::ping);
        }
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(1, PrometheusScrape.value(after, "aiusage_vendor_breaker_state", open));
        assertEquals(0, PrometheusScrape.value(after, "aiusage_vendor_breaker_state",
                Map.of("vendor", "windsurf", "state", "closed")));
        assertEquals(0, PrometheusScrape.value(after, "aiusage_vendor_breaker_state",
                Map.of("vendor", "tabnine", "state", "open")), "Tabnine's breaker is its own");
        assertEquals(1, PrometheusScrape.value(after, "ft_circuitbreaker_state_current",
                Map.of("method", "windsurf circuit breaker", "state", "open")));
        assertEquals(2, increase(before, after, "aiusage_vendor_rejections_total",
                Map.of("vendor", "windsurf", "reason", "breaker_open")), "the sixth attempt and the third call");
        assertEquals(3, increase(before, after, "aiusage_vendor_calls_seconds_count",
                with(seatTable, "outcome", "VENDOR_UNAVAILABLE")));
        assertEquals(4, increase(before, after, "aiusage_vendor_retries_total",
                with(seatTable, "reason", "VENDOR_UNAVAILABLE")), "two retries in each of the first two calls");

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.breaker'", equalTo("OPEN"))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.breaker'", equalTo("CLOSED"));
    }

    @Test
    void aShortPauseIsWaitedOutAndMeasuredAndALongOneRefusesCallsAsRejections() throws Exception {
        // Windsurf: 429 with Retry-After 1 s (within the 2 s cap), then its seat table
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).inScenario("pause")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\": \"429 Too Many Requests\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("answered"));
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).inScenario("pause")
                .whenScenarioStateIs("answered").willReturn(fixture("windsurf/user-page-analytics.json", today)));
        Map<String, String> windsurfPause = Map.of("vendor", "windsurf", "reason", "retry_after");
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();
        Instant asked = Instant.now();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(connector(Vendor.WINDSURF)::ping, callers);
            while (activity.rateLimitedUntil(Vendor.WINDSURF, Instant.now()) == null && !first.isDone()) {
                Thread.sleep(5);
            }
            connector(Vendor.WINDSURF).ping(); // arrives during the pause: held back until it ends
            first.get();
        }
        // Tabnine: 429 with Retry-After 5 s (above the cap): that call fails, and the next is refused unsent
        mocks.tabnine().stubFor(tabnine("/api/v1/organization").atPriority(1).willReturn(
                json(429, "{\"error\": \"TOO_MANY_REQUESTS\", \"status\": 429}").withHeader("Retry-After", "5")));
        assertThrows(VendorException.RateLimited.class, connector(Vendor.TABNINE)::ping);
        assertThrows(VendorException.RateLimited.class, connector(Vendor.TABNINE)::ping);
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(1, increase(before, after, "aiusage_vendor_waits_seconds_count", windsurfPause),
                "the second call waited for the end of the pause");
        assertTrue(increase(before, after, "aiusage_vendor_waits_seconds_sum", windsurfPause) > 0);
        assertEquals(1, increase(before, after, "aiusage_vendor_retries_total", Map.of("vendor", "windsurf",
                "endpoint", "UserPageAnalytics", "reason", "VENDOR_RATE_LIMITED")), "the first call's retry");
        assertEquals(0, increase(before, after, "aiusage_vendor_rejections_total", windsurfPause));
        assertEquals(1, increase(before, after, "aiusage_vendor_rejections_total",
                Map.of("vendor", "tabnine", "reason", "retry_after")), "the call during the long pause is refused unsent");
        assertEquals(2, increase(before, after, "aiusage_vendor_calls_seconds_count", Map.of("vendor", "tabnine",
                "endpoint", "organization", "outcome", "VENDOR_RATE_LIMITED")));
        mocks.tabnine().verify(1, anyRequestedFor(anyUrl()));

        // readiness data: Windsurf's last successful call is one of these, Tabnine's pause is reported; still UP
        String windsurfLast = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.rate-limited-until'", notNullValue())
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.last-fetched-at'", notNullValue())
                .extract().path("checks.find { it.name == 'configuration' }.data.'windsurf.last-fetched-at'");
        assertFalse(Instant.parse(windsurfLast).isBefore(asked), () -> "last successful call " + windsurfLast);
    }
}
