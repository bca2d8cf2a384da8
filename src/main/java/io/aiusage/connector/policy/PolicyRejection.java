package io.aiusage.connector.policy;

import io.aiusage.domain.port.VendorException;

/**
 * A call the policy itself refused before it reached the vendor (budget spent, vendor held back, breaker open). Thrown
 * inside the guarded action so the retry never retries it and the breaker never counts it, then unwrapped into its
 * {@link VendorException} by {@link VendorPolicy#call}.
 */
final class PolicyRejection extends RuntimeException {

    private final VendorException failure;

    PolicyRejection(VendorException failure) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
    }

    VendorException failure() {
        return failure;
    }
}
