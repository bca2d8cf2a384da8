package io.aiusage.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Both vendors on WireMock and a clock the test moves: the cache tests. */
public class CacheClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cache.windsurf.open-ttl", "30m", "cache.windsurf.refresh-lag", "3h");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VendorsWireMock.class));
    }
}
