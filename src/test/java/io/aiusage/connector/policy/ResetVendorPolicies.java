package io.aiusage.connector.policy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * After every {@code @QuarkusTest} method: closes the vendors' circuit breakers, lifts Retry-After hold-backs and
 * refills the request budgets, so one test's failures never decide the next test's calls. Registered through
 * ServiceLoader, so every test class gets it without remembering to.
 */
public class ResetVendorPolicies implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        try (InstanceHandle<VendorPolicies> policies = Arc.container().instance(VendorPolicies.class)) {
            if (policies.isAvailable()) {
                policies.get().reset();
            }
        }
    }
}
