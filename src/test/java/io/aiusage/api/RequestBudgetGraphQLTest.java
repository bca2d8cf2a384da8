package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.midnight;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 9, acceptance 2: 50 GraphQL requests at once against a Windsurf whose budget allows 5 calls per period. Each
 * asks about a day of its own, so the window-keyed cache cannot answer one request from another's fetch and every
 * request needs Windsurf calls. The vendor never sees more than 5 calls, and every answer is complete, or partial with
 * a typed VENDOR_RATE_LIMITED error carrying retryAfterSeconds.
 */
@QuarkusTest
@TestProfile(RequestBudgetGraphQLTest.FiveCallsPerHour.class)
class RequestBudgetGraphQLTest extends WireMockGraphQLTest {

    static final int BUDGET = 5;
    static final int REQUESTS = 50;

    /**
     * A Windsurf budget of 5 calls per hour with no burst beyond them, and a short wait for a permit; a Tabnine budget
     * of one call at a time, 2 per second, with seconds to wait for a permit ({@code BudgetMetricsTest}).
     */
    public static class FiveCallsPerHour implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(VendorsWireMock.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vendor-policy.windsurf.budget.rate", String.valueOf(BUDGET),
                    "vendor-policy.windsurf.budget.period", "1h",
                    "vendor-policy.windsurf.budget.burst", String.valueOf(BUDGET),
                    "vendor-policy.windsurf.budget.max-wait", "200ms",
                    "vendor-policy.tabnine.budget.rate", "2",
                    "vendor-policy.tabnine.budget.period", "1s",
                    "vendor-policy.tabnine.budget.burst", "1",
                    "vendor-policy.tabnine.budget.max-wait", "10s");
        }
    }

    @Test
    void fiftyConcurrentRequestsNeverMakeWindsurfSeeMoreThanItsBudget() throws Exception {
        // any window: the organisation's figures (rows outside the asked day are simply not counted)
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(9)
                .willReturn(fixture("windsurf/analytics-organisation.json", today)));
        mocks.windsurf().stubFor(windsurf("CascadeAnalytics").atPriority(9)
                .willReturn(fixture("windsurf/cascade-organisation.json", today)));
        List<JsonPath> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(REQUESTS)) {
            List<Future<JsonPath>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays(3L * i);
                String query = "{ usage(vendor: WINDSURF, granularity: TOTAL, window: {from: \"" + midnight(day)
                        + "\", to: \"" + midnight(day.plusDays(1)) + "\"}) { buckets { vendor completionsAccepted } } }";
                sent.add(clients.submit(() -> graphql(query).extract().jsonPath()));
            }
            for (Future<JsonPath> answer : sent) {
                answers.add(answer.get());
            }
        }

        int windsurfCalls = mocks.windsurf().findAll(anyRequestedFor(anyUrl())).size();
        assertTrue(windsurfCalls <= BUDGET, () -> "Windsurf saw " + windsurfCalls + " calls, budget " + BUDGET);
        int limited = 0;
        for (JsonPath answer : answers) {
            List<String> vendors = answer.getList("data.usage.buckets.vendor");
            List<Map<String, Object>> errors = answer.getList("errors");
            if (vendors.contains("WINDSURF")) {
                assertEquals(null, errors, answer::prettify);
                continue;
            }
            limited++;
            assertEquals(1, errors.size(), answer::prettify);
            assertEquals("VENDOR_RATE_LIMITED", answer.getString("errors[0].extensions.code"));
            assertEquals("WINDSURF", answer.getString("errors[0].extensions.vendor"));
            assertTrue(answer.getInt("errors[0].extensions.retryAfterSeconds") > 0, answer::prettify);
        }
        // each complete answer cost at least one call, so at most BUDGET answers can be complete
        assertTrue(limited >= REQUESTS - BUDGET, "every request beyond the budget is refused, typed");
    }
}
