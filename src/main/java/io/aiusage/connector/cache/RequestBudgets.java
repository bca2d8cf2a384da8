package io.aiusage.connector.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.aiusage.config.CacheConfig;
import io.aiusage.config.VendorPolicyConfig;
import io.aiusage.connector.policy.RequestBudget;
import io.aiusage.connector.policy.TokenBucketBudget;
import io.aiusage.connector.policy.VendorPolicies;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Picks the vendor request budget at run time, with the cache store: in this process by default, in Redis with
 * {@code cache.store=redis}, so replicas sharing a cache also share each vendor's budget (three replicas do not make
 * three times the calls). Both read their limits from {@code vendor-policy.<vendor>.budget.*}.
 */
@ApplicationScoped
class RequestBudgets {

    @Produces
    @ApplicationScoped
    RequestBudget budget(CacheConfig cache, VendorPolicyConfig policy, Instance<RedisDataSource> redis) {
        return switch (cache.store()) {
            case CAFFEINE -> new TokenBucketBudget(policy);
            case REDIS -> new RedisRequestBudget(redis.get(), cache.redis().keyPrefix(), vendor -> {
                VendorPolicyConfig.Budget budget = VendorPolicies.policy(policy, vendor).budget();
                return new BudgetLimits(budget.rate(), budget.period(), budget.burst(), budget.maxWait());
            });
        };
    }
}
