package io.aiusage.connector.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.config.CacheConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Picks the store by {@code cache.store} at run time. Redis is only connected to when chosen, so a Caffeine
 * deployment needs no Redis configuration at all.
 */
@ApplicationScoped
class EntryStores {

    @Produces
    @ApplicationScoped
    EntryStore store(CacheConfig config, MeterRegistry registry, Instance<RedisDataSource> redis, ObjectMapper json) {
        return switch (config.store()) {
            case CAFFEINE -> new CaffeineEntryStore(config.inProcess(), registry);
            case REDIS -> {
                Log.infof("Vendor cache in Redis (key prefix %s): replicas share entries", config.redis().keyPrefix());
                yield new RedisEntryStore(redis.get(), json, config.redis().keyPrefix());
            }
        };
    }
}
