package io.aiusage.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Warm-up on (it is off in tests otherwise), vendors answering from the start, and a clock the test moves. */
public class WarmUpProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cache.warm-up.enabled", "true", "cache.tabnine.open-ttl", "10m",
                "cache.tabnine.refresh-lag", "3h", "cache.refresh-ahead-at", "0.8");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WarmUpWireMock.class));
    }
}
