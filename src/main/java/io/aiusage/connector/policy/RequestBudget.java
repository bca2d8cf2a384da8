package io.aiusage.connector.policy;

import java.time.Duration;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/**
 * How many calls the gateway may make to a vendor ({@code vendor-policy.<vendor>.budget.*}). Every vendor HTTP call
 * takes one permit, retries and each call of a per-user fan-out included. The in-process {@link TokenBucketBudget} is
 * used by default; with {@code cache.store=redis} the budget is kept in Redis and shared by the replicas, so it is not
 * multiplied by the replica count ({@code connector.cache.RequestBudgets} picks one at run time).
 */
public interface RequestBudget {

    /**
     * Takes one permit for a call to {@code vendor}, waiting up to {@code budget.max-wait} for one.
     *
     * @return how long it waited for the permit ({@link Duration#ZERO} when one was there), for the metrics
     * @throws VendorException.RateLimited when no permit frees up in time; its {@code retryAfter} says when one will
     */
    Duration acquire(Vendor vendor);

    /** Forgets every permit spent, so the next calls start from a full burst (used between tests). */
    void reset();
}
