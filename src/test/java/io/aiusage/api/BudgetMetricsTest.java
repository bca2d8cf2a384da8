package io.aiusage.api;

import static io.aiusage.api.PrometheusScrape.increase;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 2, for the request budget: a call that found no permit within its wait is a budget rejection
 * of its vendor, and calls that queued for a permit are budget waits with the time they waited.
 */
@QuarkusTest
@TestProfile(RequestBudgetGraphQLTest.FiveCallsPerHour.class)
class BudgetMetricsTest extends WireMockGraphQLTest {

    @Inject
    VendorConnectors connectors;

    private VendorConnector connector(Vendor vendor) {
        return connectors.find(vendor).orElseThrow();
    }

    @Test
    void aCallBeyondTheBudgetIsABudgetRejectionOfItsVendor() {
        Map<String, String> budget = Map.of("vendor", "windsurf", "reason", "budget");
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();

        for (int call = 0; call < RequestBudgetGraphQLTest.BUDGET; call++) {
            connector(Vendor.WINDSURF).ping();
        }
        assertThrows(VendorException.RateLimited.class, connector(Vendor.WINDSURF)::ping);
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(1, increase(before, after, "aiusage_vendor_rejections_total", budget));
        assertEquals(0, increase(before, after, "aiusage_vendor_rejections_total",
                Map.of("vendor", "tabnine", "reason", "budget")));
        assertEquals(1, increase(before, after, "aiusage_vendor_calls_seconds_count", Map.of("vendor", "windsurf",
                "endpoint", "UserPageAnalytics", "outcome", "VENDOR_RATE_LIMITED")));
        assertEquals(RequestBudgetGraphQLTest.BUDGET, increase(before, after, "aiusage_vendor_calls_seconds_count",
                Map.of("vendor", "windsurf", "endpoint", "UserPageAnalytics", "outcome", "SUCCESS")));
    }

    @Test
    void callsQueuedForAPermitAreBudgetWaits() throws Exception {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization").willReturn(json(200, "{\"id\": \""
                + VendorsWireMock.TABNINE_ORG + "\", \"name\": \"Small Org\"}")));
        Map<String, String> waits = Map.of("vendor", "tabnine", "reason", "budget");
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();

        // one permit at a time, two per second: of three calls asked at once, two queue for theirs
        try (ExecutorService callers = Executors.newFixedThreadPool(3)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                calls.add(callers.submit(connector(Vendor.TABNINE)::ping));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(2, increase(before, after, "aiusage_vendor_waits_seconds_count", waits));
        assertTrue(increase(before, after, "aiusage_vendor_waits_seconds_sum", waits) > 0.1,
                "they waited for their permits");
        assertEquals(0, increase(before, after, "aiusage_vendor_rejections_total", waits));
    }
}
