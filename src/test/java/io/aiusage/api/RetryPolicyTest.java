package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 9, acceptance 1 (retries): a Retry-After within the cap is waited out, in seconds or as an HTTP date, and the
 * call then succeeds after exactly one retry; a longer one fails at once and holds every call to that vendor back
 * until it has passed; 401 and unreadable bodies are never retried. Request counts come from WireMock.
 */
@QuarkusTest
@TestProfile(VendorPolicyProfile.class)
class RetryPolicyTest extends WireMockGraphQLTest {

    private static final String USER_PAGE = "/api/v1/UserPageAnalytics";

    @Inject
    VendorConnectors connectors;

    private VendorConnector windsurfConnector() {
        return connectors.find(Vendor.WINDSURF).orElseThrow();
    }

    /** The Windsurf seat table answers {@code first}, then the small organisation's table. */
    private void windsurfAnswersFirst(ResponseDefinitionBuilder first) {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).inScenario("first answer")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("answered"));
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).inScenario("first answer")
                .whenScenarioStateIs("answered").willReturn(fixture("windsurf/user-page-analytics.json", today)));
    }

    private List<Instant> windsurfSeatTableCalls() {
        return mocks.windsurf().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().equals(USER_PAGE)).map(r -> r.getLoggedDate().toInstant())
                .sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void retryAfterInSecondsIsWaitedOutAndTheCallSucceedsAfterExactlyOneRetry() {
        windsurfAnswersFirst(json(429, "{\"error\": \"429 Too Many Requests\"}").withHeader("Retry-After", "1"));

        windsurfConnector().ping();

        List<Instant> calls = windsurfSeatTableCalls();
        assertEquals(2, calls.size(), calls::toString);
        assertFalse(calls.get(1).isBefore(calls.get(0).plusSeconds(1)),
                () -> "retried before the second Retry-After asked for: " + calls);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        Instant at = Instant.now().plusSeconds(VendorPolicyProfile.RETRY_AFTER_CAP_S).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
        windsurfAnswersFirst(json(429, "{\"error\": \"429 Too Many Requests\"}").withHeader("Retry-After", date));

        windsurfConnector().ping();

        List<Instant> calls = windsurfSeatTableCalls();
        assertEquals(2, calls.size(), calls::toString);
        assertFalse(calls.get(1).isBefore(at), () -> "retried before " + date + ": " + calls);
    }

    @Test
    void aRetryAfterAboveTheCapFailsAtOnceAndNoCallReachesTheVendorUntilItPasses() throws InterruptedException {
        int retryAfter = VendorPolicyProfile.RETRY_AFTER_CAP_S + 3;
        // warm up: the same questions answered in full, so only the pause below can hold them up
        graphql("{ seats { utilization { vendor } } usage(window: " + SmallOrg.USAGE_WINDOW
                + ", granularity: TOTAL) { buckets { vendor } } }").body("errors", nullValue());
        mocks.resetRequests();
        cache.clear(); // the warm-up only warms the application; the vendors must be asked again
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1).willReturn(
                json(429, "{\"error\": \"TOO_MANY_REQUESTS\", \"status\": 429}").withHeader("Retry-After",
                        String.valueOf(retryAfter))));
        Instant asked = Instant.now();

        graphql("{ seats { utilization { vendor assigned } } }")
                .body("data.seats.utilization.vendor", contains("WINDSURF"))
                .body("errors[0].extensions.code", equalTo("VENDOR_RATE_LIMITED"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(retryAfter));
        mocks.tabnine().verify(1, anyRequestedFor(anyUrl()));

        // the next questions, on any Tabnine endpoint, are held back without a call
        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor } } }")
                .body("data.usage.buckets.vendor", contains("WINDSURF"))
                .body("errors[0].extensions.code", equalTo("VENDOR_RATE_LIMITED"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"))
                .body("errors[0].extensions.retryAfterSeconds",
                        allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(retryAfter)));
        graphql("{ vendors { vendor healthy rateLimitedUntil } }")
                .body("data.vendors.find { it.vendor == 'TABNINE' }.healthy", equalTo(false))
                .body("data.vendors.find { it.vendor == 'TABNINE' }.rateLimitedUntil", notNullValue());
        mocks.tabnine().verify(1, anyRequestedFor(anyUrl()));

        Thread.sleep(Math.max(0, asked.plusSeconds(retryAfter).plusMillis(200).toEpochMilli()
                - System.currentTimeMillis()));
        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor } } }")
                .body("data.usage.buckets.vendor", contains("WINDSURF", "TABNINE"))
                .body("errors", nullValue());
        // TOTAL: the daily figures, and the window's distinct active users asked at granularity all
        mocks.tabnine().verify(2, getRequestedFor(urlPathEqualTo("/api/v2/organization/usage")));
    }

    @Test
    void aRejectedServiceKeyIsNotRetried() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(401, "{\"error\": \"Invalid service key\"}")));

        assertInstanceOf(VendorException.AuthFailed.class,
                assertThrows(VendorException.class, windsurfConnector()::ping));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo(USER_PAGE)));
    }

    @Test
    void anUnreadableBodyIsNotRetried() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(200, "{\"userTableStats\": [{\"email\": ")));

        assertInstanceOf(VendorException.BadResponse.class,
                assertThrows(VendorException.class, windsurfConnector()::ping));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo(USER_PAGE)));
    }

    @Test
    void aServiceUnavailableIsRetriedButAnInternalServerErrorIsNot() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));
        assertInstanceOf(VendorException.Unavailable.class,
                assertThrows(VendorException.class, windsurfConnector()::ping));
        mocks.windsurf().verify(VendorPolicyProfile.ATTEMPTS, postRequestedFor(urlEqualTo(USER_PAGE)));

        mocks.resetRequests();
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(500, "{\"error\": \"500 Internal Server Error\"}")));
        assertInstanceOf(VendorException.Unavailable.class,
                assertThrows(VendorException.class, windsurfConnector()::ping));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo(USER_PAGE)));
    }
}
