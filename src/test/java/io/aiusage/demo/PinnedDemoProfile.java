package io.aiusage.demo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo organisation anchored on a fixed date, so the emulator's figures are the same on every run. */
public class PinnedDemoProfile implements QuarkusTestProfile {

    /** The anchor date: the emulator's clock stops at its end. */
    public static final String ANCHOR = "2025-03-31";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("demo.enabled", "true", "demo.anchor-date", ANCHOR, "demo.seed", "42", "demo.people", "300");
    }
}
