package io.aiusage.connector.windsurf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 11, build point 5: every Windsurf request record carries the service key, and none prints it. */
class WireRequestsTest {

    private static final String KEY = "ws-secret-0c9d8e7f";

    @Test
    void noRequestRecordPrintsTheServiceKey() {
        Instant from = Instant.parse("2025-03-01T00:00:00Z");
        Instant to = Instant.parse("2025-03-02T00:00:00Z");
        List<Record> requests = List.of(
                new UserPageAnalytics.Request(KEY, "engineering", from, to),
                new CascadeAnalytics.Request(KEY, "engineering", from, to, List.of()),
                new CustomAnalytics.Request(KEY, "engineering", from, to, List.of()),
                new Billing.BalanceRequest(KEY),
                new Billing.CapRequest(KEY, null));
        for (Record request : requests) {
            assertFalse(request.toString().contains(KEY), request::toString);
            assertTrue(request.toString().contains("<redacted>"), request::toString);
        }
    }
}
