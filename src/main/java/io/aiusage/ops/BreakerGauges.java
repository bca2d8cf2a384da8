package io.aiusage.ops;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.CircuitBreakers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code aiusage.vendor.breaker.state{vendor,state}}: 1 for the state each vendor's circuit breaker is in, 0 for the
 * others, read from the same breakers as readiness and {@code vendors { healthy }}. SmallRye Fault Tolerance's own
 * {@code ft.circuitbreaker.state.current} says the same per guard ({@code method="windsurf circuit breaker"}), but
 * only once the breaker has seen a call; these are there from start-up, so "no series" never hides an open breaker.
 */
@Singleton
public class BreakerGauges {

    static final String STATE = "aiusage.vendor.breaker.state";

    void register(@Observes StartupEvent start, MeterRegistry registry, CircuitBreakers breakers) {
        for (Vendor vendor : Vendor.values()) {
            for (CircuitBreakers.State state : CircuitBreakers.State.values()) {
                Gauge.builder(STATE, () -> breakers.state(vendor) == state ? 1 : 0)
                        .description("1 for the state the vendor's circuit breaker is in, else 0")
                        .tags("vendor", UpstreamCalls.vendor(vendor), "state", state.name().toLowerCase(Locale.ROOT))
                        .strongReference(true).register(registry);
            }
        }
    }
}
