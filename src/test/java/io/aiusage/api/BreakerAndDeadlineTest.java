package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.CircuitBreakers;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 9, acceptance 1 (breaker and deadlines): five 503s open Windsurf's breaker and later calls fail without a
 * request; an answer slower than the read timeout fails within the timeout (per attempt) plus a margin; a hanging
 * vendor does not hold the GraphQL answer past the request deadline, and the other vendor's data is there.
 */
@QuarkusTest
@TestProfile(VendorPolicyProfile.class)
class BreakerAndDeadlineTest extends WireMockGraphQLTest {

    private static final String USER_PAGE = "/api/v1/UserPageAnalytics";
    /** How long the slow stubs take: far longer than every timeout and deadline here. */
    private static final int HANG_MS = 10_000;
    /** Slack for scheduling and back-off on a busy two-core machine. */
    private static final Duration MARGIN = Duration.ofMillis(2500);

    @Inject
    VendorConnectors connectors;

    @Inject
    CircuitBreakers breakers;

    private VendorConnector windsurfConnector() {
        return connectors.find(Vendor.WINDSURF).orElseThrow();
    }

    @Test
    void fiveServerErrorsOpenTheBreakerAndTheNextCallsMakeNoRequest() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));

        // three attempts, then two more: the fifth failure opens the breaker, which stops the sixth attempt
        assertThrows(VendorException.Unavailable.class, windsurfConnector()::ping);
        assertThrows(VendorException.Unavailable.class, windsurfConnector()::ping);
        mocks.windsurf().verify(5, postRequestedFor(urlEqualTo(USER_PAGE)));
        assertEquals(CircuitBreakers.State.OPEN, breakers.state(Vendor.WINDSURF));

        VendorException open = assertThrows(VendorException.Unavailable.class, windsurfConnector()::ping);
        assertTrue(open.getMessage().contains("circuit breaker open"), open::getMessage);
        mocks.tabnine().stubFor(tabnine("/api/v1/organization").willReturn(json(200, "{\"id\": \""
                + VendorsWireMock.TABNINE_ORG + "\", \"name\": \"Small Org\"}")));
        graphql("{ vendors { vendor healthy } }")
                .body("data.vendors.find { it.vendor == 'WINDSURF' }.healthy", equalTo(false))
                .body("data.vendors.find { it.vendor == 'TABNINE' }.healthy", equalTo(true));
        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor } } }")
                .body("data.usage.buckets.vendor", contains("TABNINE"))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("VENDOR_UNAVAILABLE"))
                .body("errors[0].extensions.vendor", equalTo("WINDSURF"))
                .body("errors[0].message", containsString("circuit breaker"));
        mocks.windsurf().verify(5, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutFailsWithinTheTimeoutPlusAMargin() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(fixture("windsurf/user-page-analytics.json", today).withFixedDelay(HANG_MS)));
        Instant start = Instant.now();

        assertThrows(VendorException.Unavailable.class, windsurfConnector()::ping);

        Duration took = Duration.between(start, Instant.now());
        // each attempt is cut at the read timeout, and a timeout is retried
        mocks.windsurf().verify(VendorPolicyProfile.ATTEMPTS, postRequestedFor(urlEqualTo(USER_PAGE)));
        Duration bound = Duration.ofMillis((long) VendorPolicyProfile.ATTEMPTS * VendorPolicyProfile.READ_TIMEOUT_MS)
                .plus(MARGIN);
        assertTrue(took.compareTo(bound) < 0, () -> "took " + took + ", more than " + bound);
    }

    @Test
    void aHangingVendorDoesNotHoldTheAnswerPastTheDeadlineAndTheOtherVendorsDataIsThere() throws Exception {
        String usage = "{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor "
                + "completionsAccepted } freshness { vendor } } }";
        warmUp(usage);
        cache.clear(); // the warm-up only warms the application; the vendors must be asked again
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(fixture("windsurf/analytics-organisation.json", today).withFixedDelay(HANG_MS)));
        Instant start = Instant.now();

        graphql(usage)
                .body("data.usage.buckets.vendor", contains("TABNINE"))
                .body("data.usage.buckets.completionsAccepted", contains(25))
                .body("data.usage.freshness.vendor", contains("TABNINE"))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("VENDOR_TIMEOUT"))
                .body("errors[0].extensions.vendor", equalTo("WINDSURF"))
                .body("errors[0].message", containsString("deadline"));

        Duration took = Duration.between(start, Instant.now());
        Duration bound = Duration.ofMillis(VendorPolicyProfile.DEADLINE_MS).plus(MARGIN);
        assertTrue(took.compareTo(bound) < 0, () -> "took " + took + ", more than " + bound);
        awaitWindsurfGivingUp();
    }

    /**
     * Asks {@code query} until both vendors answer it in full within the deadline: the first calls of a freshly
     * started application (REST clients, JSON mapping) can take longer than the short deadline of this profile.
     */
    private static void warmUp(String query) {
        for (int i = 0; i < 5; i++) {
            if (graphql(query).extract().jsonPath().get("errors") == null) {
                return;
            }
        }
        graphql(query).body("data.usage.buckets.vendor", contains("WINDSURF", "TABNINE")).body("errors", nullValue());
    }

    /**
     * The late Windsurf call goes on in the background, each attempt cut at the read timeout; waits for its last
     * attempt to be made and time out, so it cannot reach the next test's WireMock.
     */
    private void awaitWindsurfGivingUp() throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(15);
        while (mocks.windsurf().countRequestsMatching(postRequestedFor(urlEqualTo("/api/v1/Analytics")).build())
                .getCount() < VendorPolicyProfile.ATTEMPTS && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        Thread.sleep(VendorPolicyProfile.READ_TIMEOUT_MS + 200L);
    }
}
