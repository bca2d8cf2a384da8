package io.aiusage.connector.policy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * After every {@code @QuarkusTest} method: closes the vendors' circuit breakers, lifts Retry-After hold-backs and
 * refills the request budgets, so one test's failures never decide the next test's calls. Registered through
 * ServiceLoader, so every test class gets it without remembering to. A test class whose request budget lives in a
 * store it made unreachable on purpose implements {@link StoreUnreachable}: its budget cannot be, and need not be,
 * refilled.
 */
public class ResetVendorPolicies implements QuarkusTestAfterEachCallback {

    /** Marks a test class whose Redis is unreachable by design (readiness tests). */
    public interface StoreUnreachable {
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        try (InstanceHandle<VendorPolicies> policies = Arc.container().instance(VendorPolicies.class)) {
            if (policies.isAvailable() && !(context.getTestInstance() instanceof StoreUnreachable)) {
                policies.get().reset();
            }
        }
    }
}
