package io.aiusage.connector.cache;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A cached value and when it was fetched from the vendor. Whether it is still fresh is decided when it is read, against
 * the injectable clock and the lifetimes in force ({@link Lifetimes}), so tests move time and a changed TTL applies to
 * entries already held.
 */
@RegisterForReflection // written to and read from Redis as JSON
public record StoredEntry<T>(T value, Instant fetchedAt) {
}
