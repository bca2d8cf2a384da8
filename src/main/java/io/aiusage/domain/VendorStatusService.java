package io.aiusage.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.CircuitBreakers;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;

/** The state of the gateway's connection to each vendor, for {@code vendors} and for operators. */
@ApplicationScoped
public class VendorStatusService {

    private final VendorConnectors connectors;
    private final VendorActivity activity;
    private final CircuitBreakers breakers;
    private final Concurrently concurrently;

    public VendorStatusService(VendorConnectors connectors, VendorActivity activity, CircuitBreakers breakers,
            Concurrently concurrently) {
        this.connectors = connectors;
        this.activity = activity;
        this.breakers = breakers;
        this.concurrently = concurrently;
    }

    /**
     * Every vendor the gateway knows, configured or not, in enum order, with a live check of the configured ones. The
     * checks run at once and within the request's deadline; a vendor whose circuit breaker is open is unhealthy
     * without being called.
     */
    public List<VendorInfo> status() {
        List<VendorConnector> checked = connectors.configured(null).stream()
                .filter(c -> breakers.state(c.vendor()) != CircuitBreakers.State.OPEN).toList();
        Outcome<List<Vendor>> pings = concurrently.each(checked, c -> {
            c.ping();
            return c.vendor();
        });
        pings.failures().forEach(VendorStatusService::logFailure);
        Set<Vendor> healthy = Set.copyOf(pings.value());
        return Arrays.stream(Vendor.values()).map(vendor -> info(vendor, healthy.contains(vendor))).toList();
    }

    /** The state of {@code vendor}'s circuit breaker, for operators (health checks, metrics). */
    public CircuitBreakers.State breaker(Vendor vendor) {
        return breakers.state(vendor);
    }

    private VendorInfo info(Vendor vendor, boolean healthy) {
        VendorConnector connector = connectors.find(vendor).orElse(null);
        boolean configured = connector != null && connector.configured();
        boolean demo = connector != null && connector.demo();
        // a vendor's pause is real time: the policy records it, and waits it out, by the wall clock
        return new VendorInfo(vendor, configured, demo, configured && healthy, activity.lastFetchedAt(vendor),
                activity.rateLimitedUntil(vendor, Instant.now()));
    }

    private static void logFailure(VendorException e) {
        Log.warnf("%s health check failed: %s (%s)", e.vendor(), e.code(), e.getMessage());
    }
}
