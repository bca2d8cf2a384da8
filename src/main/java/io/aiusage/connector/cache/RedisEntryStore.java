package io.aiusage.connector.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Entries in Redis, as JSON under {@code cache.redis.key-prefix + key}, each expiring on its own ({@code PX}), so
 * every replica reads what any replica fetched. Hand-written over quarkus-redis-client rather than quarkus-redis-cache:
 * that extension's backend is fixed at build time ({@code quarkus.cache.type}) and it has no multi-key read, while
 * one window costs one {@code MGET} here.
 */
final class RedisEntryStore implements EntryStore {

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final String prefix;

    RedisEntryStore(RedisDataSource redis, ObjectMapper json, String prefix) {
        this.redis = redis;
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.prefix = prefix + "cache:";
    }

    @Override
    public <T> Map<String, StoredEntry<T>> getAll(List<String> keys, JavaType entryType) {
        Map<String, StoredEntry<T>> held = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return held;
        }
        Map<String, String> found = values.mget(keys.stream().map(k -> prefix + k).toArray(String[]::new));
        for (String key : keys) {
            String text = found.get(prefix + key);
            if (text != null) {
                try {
                    held.put(key, json.readValue(text, entryType));
                } catch (JsonProcessingException unreadable) {
                    // written by another version of the gateway: a miss, refetched and overwritten
                    Log.debugf("Cache entry %s is unreadable (%s): treated as missing", key,
                            unreadable.getClass().getSimpleName());
                }
            }
        }
        return held;
    }

    @Override
    public <T> void put(String key, StoredEntry<T> entry, Duration keep) {
        try {
            values.set(prefix + key, json.writeValueAsString(entry), new SetArgs().px(Math.max(1, keep.toMillis())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cache entry could not be written as JSON", e);
        }
    }

    @Override
    public void remove(String key) {
        redis.key().del(prefix + key);
    }

    @Override
    public void clear() {
        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(prefix + "*").count(1000)).toIterable().forEach(keys::add);
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }
}
