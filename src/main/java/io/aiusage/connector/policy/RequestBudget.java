package io.aiusage.connector.policy;

import io.aiusage.domain.Vendor;

/**
 * The vendor request budget of the vendor call policy: one permit per vendor call. Minimal stand-in with exactly the
 * shape the policy work (issue 9) defines, so the Redis-backed budget compiles before both are merged.
 */
public interface RequestBudget {

    /**
     * Takes one permit for a call to {@code vendor}, waiting up to the configured bound.
     *
     * @throws io.aiusage.domain.port.VendorException.RateLimited when no permit came within the bound, with the time
     *         until the next one as its retry-after
     */
    void acquire(Vendor vendor);
}
