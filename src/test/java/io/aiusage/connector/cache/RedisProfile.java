package io.aiusage.connector.cache;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The cache in Redis ({@link RedisAvailable#url()}), under a key prefix of its own per run; a second named client
 * ({@code second}) connects to the same server, standing in for a second replica.
 */
public class RedisProfile implements QuarkusTestProfile {

    static final String PREFIX = "aiusage-test-" + UUID.randomUUID() + ":";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cache.store", "redis", "cache.redis.key-prefix", PREFIX,
                "quarkus.redis.hosts", RedisAvailable.url(), "quarkus.redis.second.hosts", RedisAvailable.url());
    }
}
