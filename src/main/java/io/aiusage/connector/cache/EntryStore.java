package io.aiusage.connector.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;

/**
 * Where cache entries live: in this process or in Redis, chosen at run time by {@code cache.store}. A store only keeps
 * and returns entries; every freshness rule lives in {@link VendorCache}.
 */
public interface EntryStore {

    /** The entries held for {@code keys} (absent keys are left out), read as {@code entryType}. */
    <T> Map<String, StoredEntry<T>> getAll(List<String> keys, JavaType entryType);

    /** Keeps {@code entry} under {@code key} for at most {@code keep}. */
    <T> void put(String key, StoredEntry<T> entry, Duration keep);

    /** Forgets the entry under {@code key}, if any. */
    void remove(String key);

    /** Forgets every entry of this gateway. */
    void clear();
}
