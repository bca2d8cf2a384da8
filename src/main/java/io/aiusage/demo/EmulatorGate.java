package io.aiusage.demo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aiusage.config.DemoConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Stands in front of every {@code /demo/**} path. With demo mode off they all answer 404, so the emulator is never
 * exposed unless asked for. With it on, each vendor's configured faults are injected before the vendor sees the
 * request: added latency (without blocking a thread), then a 429 with {@code Retry-After} or a 503 at the configured
 * probabilities, in that vendor's own error format. Every request to a vendor route is counted first
 * ({@link EmulatorCalls}), whatever the answer.
 */
public class EmulatorGate {

    private final DemoConfig config;
    private final EmulatorCalls calls;

    public EmulatorGate(DemoConfig config, EmulatorCalls calls) {
        this.config = config;
        this.calls = calls;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/demo") && !path.startsWith("/demo/")) {
            return Uni.createFrom().nullItem();
        }
        if (!config.enabled()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        EmulatedVendor vendor = EmulatedVendor.of(path);
        if (vendor == null) {
            return Uni.createFrom().nullItem();
        }
        DemoConfig.Faults faults = vendor.faults(config);
        Response fault = fault(vendor, faults);
        calls.count(vendor, path, fault == null ? EmulatorCalls.Outcome.SERVED
                : fault.getStatus() == Response.Status.TOO_MANY_REQUESTS.getStatusCode()
                        ? EmulatorCalls.Outcome.RATE_LIMITED
                        : EmulatorCalls.Outcome.UNAVAILABLE);
        if (fault != null) {
            Log.debugf("Emulated %s answers %d to %s", vendor, fault.getStatus(), path);
        }
        Uni<Response> answer = Uni.createFrom().item(fault);
        Duration latency = faults.latency();
        return latency.isZero() || latency.isNegative() ? answer : answer.onItem().delayIt().by(latency);
    }

    private static Response fault(EmulatedVendor vendor, DemoConfig.Faults faults) {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < faults.rateLimitProbability()) {
            return Response.fromResponse(vendor.rateLimited())
                    .header("Retry-After", Integer.toString(faults.retryAfterSeconds())).build();
        }
        if (roll < faults.rateLimitProbability() + faults.errorProbability()) {
            return vendor.unavailable();
        }
        return null;
    }
}
