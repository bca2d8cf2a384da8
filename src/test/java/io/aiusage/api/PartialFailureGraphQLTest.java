package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.aiusage.api.GraphQLRequests.VENDOR_ERROR_TEXT;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One vendor failing never fails the whole query: the other vendor's data comes back with an error naming the failed
 * vendor and a stable code. {@link GraphQLRequests} also checks that no answer carries a class name, a stack trace,
 * a credential or the vendor's own error text.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class PartialFailureGraphQLTest extends WireMockGraphQLTest {

    /** Tabnine's error envelope; its message must not reach clients. */
    private static ResponseDefinitionBuilder tabnineError(int status, String code) {
        return json(status, """
                {"error": "%s", "message": "%s: check %s", "status": %d, "requestId": "r-%d"}"""
                .formatted(code, VENDOR_ERROR_TEXT, VendorsWireMock.TABNINE_TOKEN, status, status));
    }

    @Test
    void tabnineUnavailableStillReturnsTheWindsurfPeople() {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1)
                .willReturn(tabnineError(503, "SERVICE_UNAVAILABLE")));

        graphql("{ people { totalCount nodes { id vendors usage(window: " + SmallOrg.lastWeek(today)
                + ", granularity: TOTAL) { vendor completionsAccepted } } } }")
                .body("data.people.totalCount", equalTo(4))
                .body("data.people.nodes.id", contains("alice@x.com", "bob@x.com", "carol@x.com", "dave@x.com"))
                .body("data.people.nodes.vendors", everyItem(equalTo(List.of("WINDSURF"))))
                // alice 4+6, bob none, carol no key, dave 2 (see UsageGraphQLTest)
                .body("data.people.nodes.usage.flatten().vendor", everyItem(equalTo("WINDSURF")))
                .body("data.people.nodes.usage.flatten().completionsAccepted", contains(10, 0, 0, 2))
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("people"))
                .body("errors[0].message", containsString("Tabnine"))
                .body("errors[0].extensions.code", equalTo("VENDOR_UNAVAILABLE"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"));
        // a 503 is retried: the first attempt and the two retries of the default policy
        mocks.tabnine().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/organization/users")));
    }

    @Test
    void tabnineRejectingTheTokenStillReturnsTheWindsurfBuckets() {
        mocks.tabnine().stubFor(tabnine("/api/v2/organization/usage").atPriority(1)
                .willReturn(tabnineError(401, "UNAUTHORIZED")));

        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor "
                + "completionsAccepted credits } freshness { vendor } } }")
                .body("data.usage.buckets.vendor", contains("WINDSURF"))
                .body("data.usage.buckets.completionsAccepted", contains(24))
                .body("data.usage.buckets.credits", contains(2.0))
                .body("data.usage.freshness.vendor", contains("WINDSURF"))
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("usage"))
                .body("errors[0].extensions.code", equalTo("VENDOR_AUTH_FAILED"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"));
        // a rejected token is never retried: no usage request is made twice
        List<String> asked = mocks.tabnine().findAll(getRequestedFor(urlPathEqualTo("/api/v2/organization/usage")))
                .stream().map(request -> request.getUrl()).toList();
        assertFalse(asked.isEmpty());
        assertEquals(asked.size(), new java.util.HashSet<>(asked).size(), () -> "asked twice: " + asked);
    }

    @Test
    void tabnineRateLimitingPassesItsRetryAfterOn() {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1)
                .willReturn(tabnineError(429, "TOO_MANY_REQUESTS").withHeader("Retry-After", "7")));

        graphql("{ seats { utilization { vendor assigned } idle { email } overlapping { id } } }")
                .body("data.seats.utilization.vendor", contains("WINDSURF"))
                .body("data.seats.utilization.assigned", contains(2))
                .body("data.seats.idle.email", contains("bob@x.com"))
                // nobody holds a seat on two vendors as far as the answering vendor knows
                .body("data.seats.overlapping", empty())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("VENDOR_RATE_LIMITED"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(7));
        // 7 s is beyond the default Retry-After cap (5 s): no retry, the vendor's wait is passed on instead
        mocks.tabnine().verify(1, getRequestedFor(urlPathEqualTo("/api/v1/organization/users")));
    }

    @Test
    void windsurfRejectingTheServiceKeyStillReturnsTheTabnineBuckets() {
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(json(401, "{\"error\": \"Invalid service key\"}")));

        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor "
                + "completionsAccepted cost } } }")
                .body("data.usage.buckets.vendor", contains("TABNINE"))
                .body("data.usage.buckets.completionsAccepted", contains(25))
                .body("data.usage.buckets.cost", contains(1.0))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("VENDOR_AUTH_FAILED"))
                .body("errors[0].extensions.vendor", equalTo("WINDSURF"));
    }

    @Test
    void windsurfFailingDuringPersonUsageKeepsTheTabnineBucketsAndReportsOnce() {
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"503 Service Unavailable\"}")));

        graphql("{ people(vendor: TABNINE) { nodes { id usage(window: " + SmallOrg.lastWeek(today)
                + ", granularity: TOTAL) { vendor completionsAccepted } } } }")
                .body("data.people.nodes.id", contains("alice@x.com", "bob@x.com", "erin@y.org", "frank@y.org",
                        "gina@y.org"))
                // the Tabnine buckets of every person survive (see UsageGraphQLTest for the figures)
                .body("data.people.nodes.usage.flatten().vendor", everyItem(equalTo("TABNINE")))
                .body("data.people.nodes.usage.flatten().completionsAccepted", contains(10, 5, 0, 0, 0))
                // one error for the field, not one per person
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("people", "nodes", 0, "usage"))
                .body("errors[0].extensions.code", equalTo("VENDOR_UNAVAILABLE"))
                .body("errors[0].extensions.vendor", equalTo("WINDSURF"));
        // one bulk request for every person, tried three times
        mocks.windsurf().verify(3, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
    }
}
