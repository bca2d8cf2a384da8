package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One GraphQL request asks the vendors at once, and Windsurf's organisation and group tables at once: a question
 * costs its slowest vendor, not the sum. Every slow call here answers after {@link #DELAY_MS}; asked one after the
 * other, each would arrive only after the previous one answered. The assertions are on that order, read from
 * WireMock's request log, never on how long the answer took.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class ConcurrentVendorsGraphQLTest extends WireMockGraphQLTest {

    private static final int DELAY_MS = 1000;

    /** A received request, with the time its (delayed) answer left. */
    private record Call(String what, long receivedAt) {
        long answeredAt() {
            return receivedAt + DELAY_MS;
        }
    }

    @Test
    void usageAsksBothVendorsAtOnce() {
        slow(mocks.windsurf(), windsurf("Analytics"), "windsurf/analytics-organisation.json");
        slow(mocks.tabnine(), tabnine("/api/v2/organization/usage"), "tabnine/usage-organisation-all.json");

        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor "
                + "completionsAccepted } } }")
                .body("data.usage.buckets.vendor", contains("WINDSURF", "TABNINE"))
                .body("data.usage.buckets.completionsAccepted", contains(24, 25));

        List<Call> calls = calls(mocks.windsurf(), "Analytics", "/api/v1/Analytics");
        calls.addAll(calls(mocks.tabnine(), "Tabnine usage", "/api/v2/organization/usage"));
        // Tabnine's usage is asked twice, at once: daily (the cached facts) and for the whole window (its distinct
        // active users, which days cannot be summed into)
        assertEquals(3, calls.size(), calls::toString);
        assertAllOverlap(calls);
    }

    @Test
    void seatsAskBothVendorsAndEveryWindsurfGroupAtOnce() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(fixture("windsurf/user-page-analytics.json", today).withFixedDelay(DELAY_MS)));
        slow(mocks.tabnine(), tabnine("/api/v1/organization/users"), "tabnine/users.json");

        graphql("{ seats { utilization { vendor assigned } } }")
                .body("data.seats.utilization.vendor", contains("WINDSURF", "TABNINE"));

        List<Call> calls = calls(mocks.windsurf(), "UserPageAnalytics", "/api/v1/UserPageAnalytics");
        calls.addAll(calls(mocks.tabnine(), "Tabnine users", "/api/v1/organization/users"));
        // the organisation table, the two groups of windsurf.groups, and Tabnine's user list
        assertEquals(4, calls.size(), calls::toString);
        assertAllOverlap(calls);
    }

    @Test
    void twoFailingVendorsAreTwoErrorsEachWithItsVendor() {
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .willReturn(VendorStubs.json(503, "{\"error\": \"503 Service Unavailable\"}")));
        mocks.tabnine().stubFor(tabnine("/api/v2/organization/usage").atPriority(1)
                .willReturn(VendorStubs.json(401, "{\"error\": \"UNAUTHORIZED\", \"status\": 401}")));

        graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) { buckets { vendor } "
                + "freshness { vendor } } }")
                .body("data.usage.buckets", org.hamcrest.Matchers.empty())
                .body("data.usage.freshness", org.hamcrest.Matchers.empty())
                .body("errors.extensions.vendor", containsInAnyOrder("WINDSURF", "TABNINE"))
                .body("errors.find { it.extensions.vendor == 'WINDSURF' }.extensions.code",
                        org.hamcrest.Matchers.equalTo("VENDOR_UNAVAILABLE"))
                .body("errors.find { it.extensions.vendor == 'TABNINE' }.extensions.code",
                        org.hamcrest.Matchers.equalTo("VENDOR_AUTH_FAILED"))
                .body("errors.path", contains(List.of("usage"), List.of("usage")))
                .body("errors.message", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Also"))));
    }

    private void slow(WireMockServer server, MappingBuilder request, String fixture) {
        server.stubFor(request.atPriority(1).willReturn(fixture(fixture, today).withFixedDelay(DELAY_MS)));
    }

    private static List<Call> calls(WireMockServer server, String what, String path) {
        List<Call> calls = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith(path)) {
                calls.add(new Call(what, event.getRequest().getLoggedDate().getTime()));
            }
        }
        return calls;
    }

    /** Every call arrived before every other call's answer left: they were all in flight together. */
    private static void assertAllOverlap(List<Call> calls) {
        Call last = calls.stream().max(Comparator.comparingLong(Call::receivedAt)).orElseThrow();
        Call first = calls.stream().min(Comparator.comparingLong(Call::answeredAt)).orElseThrow();
        assertTrue(last.receivedAt() < first.answeredAt(), () -> last + " arrived only after " + first
                + " was answered: the calls ran one after the other (" + calls + ")");
    }
}
