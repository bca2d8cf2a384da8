package io.aiusage.connector.cache;

import java.time.Instant;

import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.UsageFigures;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A cached value and when it was fetched from the vendor. Whether it is still fresh is decided when it is read, against
 * the injectable clock and the lifetimes in force ({@link Lifetimes}), so tests move time and a changed TTL applies to
 * entries already held.
 */
// written to and read from Redis as JSON: the entry, and the domain's daily facts that both vendors' usage is cached as
@RegisterForReflection(targets = { StoredEntry.class, DailyUsage.class, UsageFigures.class })
public record StoredEntry<T>(T value, Instant fetchedAt) {
}
