package io.aiusage.connector.policy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.VendorPolicyConfig;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.CircuitBreakers;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.ops.UpstreamCalls;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The call policy of every vendor, built once from {@code vendor-policy.*}: each vendor client takes its own with
 * {@link #of(Vendor)}. Also tells the domain the state of each vendor's circuit breaker.
 */
@ApplicationScoped
public class VendorPolicies implements CircuitBreakers {

    private final Map<Vendor, VendorPolicy> policies = new EnumMap<>(Vendor.class);
    private final RequestBudget budget;
    private final VendorActivity activity;
    private final CircuitBreakerMaintenance breakers;

    public VendorPolicies(VendorPolicyConfig config, RequestBudget budget, VendorActivity activity,
            CircuitBreakerMaintenance breakers, UpstreamCalls upstream) {
        this.budget = budget;
        this.activity = activity;
        this.breakers = breakers;
        for (Vendor vendor : Vendor.values()) {
            policies.put(vendor, new VendorPolicy(vendor, policy(config, vendor), budget, activity, breakers,
                    upstream));
        }
    }

    /** {@code vendor}'s policy, shared by all of its endpoints. */
    public VendorPolicy of(Vendor vendor) {
        return policies.get(vendor);
    }

    @Override
    public State state(Vendor vendor) {
        return switch (policies.get(vendor).breakerState()) {
            case CLOSED -> State.CLOSED;
            case OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
        };
    }

    /**
     * Closes every breaker, lifts every Retry-After hold-back and refills every budget, so one test's failures do not
     * leak into the next (the test suite calls it after each test).
     */
    public void reset() {
        for (Vendor vendor : Vendor.values()) {
            policies.get(vendor).resetBreaker();
            activity.rateLimited(vendor, Instant.EPOCH);
        }
        budget.reset();
    }

    /** The configuration of {@code vendor}'s policy. */
    public static VendorPolicyConfig.Policy policy(VendorPolicyConfig config, Vendor vendor) {
        return switch (vendor) {
            case WINDSURF -> config.windsurf();
            case TABNINE -> config.tabnine();
        };
    }
}
