package io.aiusage.connector.policy;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/**
 * How many calls the gateway may make to a vendor ({@code vendor-policy.<vendor>.budget.*}). Every vendor HTTP call
 * takes one permit, retries and each call of a per-user fan-out included. The in-process {@link TokenBucketBudget} is
 * the default bean; an implementation shared by replicas (Redis) replaces it so the budget is not multiplied by the
 * replica count.
 */
public interface RequestBudget {

    /**
     * Takes one permit for a call to {@code vendor}, waiting up to {@code budget.max-wait} for one.
     *
     * @throws VendorException.RateLimited when no permit frees up in time; its {@code retryAfter} says when one will
     */
    void acquire(Vendor vendor);

    /** Forgets every permit spent, so the next calls start from a full burst (used between tests). */
    void reset();
}
