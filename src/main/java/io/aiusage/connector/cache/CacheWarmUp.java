package io.aiusage.connector.cache;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.aiusage.config.CacheConfig;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.virtual.threads.VirtualThreads;

/**
 * Loads, in the background at start-up, what a dashboard asks first: every vendor's seats (with Tabnine's per-user
 * activity), teams, and the organisation's usage over the last {@code cache.warm-up.days}. The calls go through the
 * connectors, so the vendor call policy (budget, retries) applies to them as to any other call. A vendor that fails
 * here is simply fetched on first use.
 */
@ApplicationScoped
public class CacheWarmUp {

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    // after the start-up checks (AuthCheck runs at APPLICATION + 600): a refused start warms nothing
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event, CacheConfig config, VendorConnectors connectors, Clock clock,
            @VirtualThreads ExecutorService executor) {
        if (!config.warmUp().enabled()) {
            done.complete(null);
            return;
        }
        executor.execute(() -> {
            try {
                TimeWindow usage = TimeWindow.lastDays(config.warmUp().days(), clock.instant());
                connectors.configured(null).forEach(connector -> warm(connector, usage));
            } catch (RuntimeException e) {
                // the application stopped (or refused to start) while warming up: nothing to warm any more, and
                // a stack trace here would bury the reason it stopped
                Log.debugf("cache warm-up abandoned: %s", e.getMessage());
            } finally {
                done.complete(null);
            }
        });
    }

    /** Completes once warm-up has finished (at once when it is off). */
    public CompletableFuture<Void> done() {
        return done;
    }

    private static void warm(VendorConnector connector, TimeWindow usage) {
        try {
            connector.accounts(null);
            connector.teams();
            connector.usage(usage, Granularity.DAY, null);
            Log.infof("%s cache warmed up: seats, teams and the last %d days of usage", connector.vendor(),
                    usage.span().toDays());
        } catch (VendorException e) {
            Log.warnf("%s cache warm-up stopped: %s (%s); its data is fetched on first use", connector.vendor(),
                    e.code(), e.getMessage());
        }
    }
}
