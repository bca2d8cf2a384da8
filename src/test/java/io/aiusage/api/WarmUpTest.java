package io.aiusage.api;

import static io.aiusage.api.VendorStubs.midnight;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.aiusage.connector.cache.CacheWarmUp;
import io.aiusage.connector.cache.VendorCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 10, acceptance 4: with warm-up on, once it has finished the README's seat overview makes no vendor call, and
 * refreshing Tabnine's per-user series asks only for their open days, never the closed ones again.
 */
@QuarkusTest
@TestProfile(WarmUpProfile.class)
class WarmUpTest {

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    CacheWarmUp warmUp;

    @Inject
    VendorCache cache;

    @Inject
    MovableClock clock;

    @Test
    void afterWarmUpTheSeatOverviewCostsNoCallAndRefreshesAskOnlyForOpenDays() throws Exception {
        warmUp.done().get(60, TimeUnit.SECONDS);
        cache.awaitRefreshes();
        mocks.resetRequests();

        ReadmeExamplesTest.run(ReadmeExamplesTest.example("seat-overview"), Map.of());

        assertEquals(0, mocks.windsurf().getAllServeEvents().size(), "no Windsurf call");
        assertEquals(0, mocks.tabnine().getAllServeEvents().size(), "no Tabnine call");

        // late in the open days' lifetime (10 minutes), reading them refreshes them in the background
        clock.advance(Duration.ofMinutes(9));
        ReadmeExamplesTest.run(ReadmeExamplesTest.example("seat-overview"), Map.of());
        cache.awaitRefreshes();

        LocalDate today = LocalDate.ofInstant(MovableClock.START, ZoneOffset.UTC);
        List<ServeEvent> series = mocks.tabnine().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/v2/user/usage")).toList();
        assertEquals(5, series.size(), "each of the five users' series is refreshed once");
        for (ServeEvent event : series) {
            // at noon, with a 3-hour lag, only today is open: yesterday and the 364 days before stay closed
            assertEquals(midnight(today), event.getRequest().queryParameter("from").firstValue());
            assertEquals(midnight(today.plusDays(1)), event.getRequest().queryParameter("to").firstValue());
            LoggedResponse response = event.getResponse();
            assertEquals(200, response.getStatus());
        }
    }

}
