package io.aiusage.ops;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.aiusage.config.DemoConfig;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.CircuitBreakers;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;

/**
 * Readiness that reports, as data, what this replica serves: demo mode, and per vendor whether it is configured, the
 * state of its circuit breaker, when data last arrived from it and until when it asked us to back off. It never calls
 * a vendor and is always UP:
 * a vendor being down does not make the pod unready, since the service still answers (with the other vendor's data
 * and an error per failing vendor), and taking every replica out of the Service would turn a vendor outage into a
 * total one. What can make the pod unready is its own infrastructure (a configured Redis, checked by
 * quarkus-redis-client's own readiness check).
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    static final String NAME = "configuration";

    private final VendorConnectors connectors;
    private final VendorActivity activity;
    private final CircuitBreakers breakers;
    private final DemoConfig demo;

    public ConfigurationReadiness(VendorConnectors connectors, VendorActivity activity, CircuitBreakers breakers,
            DemoConfig demo) {
        this.connectors = connectors;
        this.activity = activity;
        this.breakers = breakers;
        this.demo = demo;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up().withData("demo", demo.enabled());
        Instant now = Instant.now();
        for (Vendor vendor : Vendor.values()) {
            describe(response, vendor, now);
        }
        return response.build();
    }

    /**
     * One vendor's facts, keys prefixed with its lower-case name ({@code tabnine.configured}, ...): data only, never
     * the status. An open breaker or a pause asked for shows here, and the replica stays ready.
     */
    private void describe(HealthCheckResponseBuilder response, Vendor vendor, Instant now) {
        String prefix = vendor.name().toLowerCase(Locale.ROOT) + ".";
        response.withData(prefix + "configured",
                connectors.find(vendor).map(VendorConnector::configured).orElse(false));
        response.withData(prefix + "breaker", breakers.state(vendor).name());
        response.withData(prefix + "last-fetched-at",
                Optional.ofNullable(activity.lastFetchedAt(vendor)).map(Instant::toString).orElse("never"));
        Instant backOff = activity.rateLimitedUntil(vendor, now);
        if (backOff != null) {
            response.withData(prefix + "rate-limited-until", backOff.toString());
        }
    }
}
