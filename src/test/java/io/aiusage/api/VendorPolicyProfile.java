package io.aiusage.api;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Both vendors on WireMock with a call policy small enough to watch: Retry-After honoured up to 2 s, a Windsurf read
 * timeout of 1.5 s, a breaker that opens after 5 failed calls out of 5, and a request deadline of 3 s (shorter than
 * Windsurf's 3 attempts of 1.5 s each, so a hanging Windsurf meets the deadline first).
 */
public class VendorPolicyProfile implements QuarkusTestProfile {

    static final int READ_TIMEOUT_MS = 1500;
    static final int DEADLINE_MS = 3000;
    static final int RETRY_AFTER_CAP_S = 2;
    static final int ATTEMPTS = 3;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VendorsWireMock.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.rest-client.windsurf.read-timeout", String.valueOf(READ_TIMEOUT_MS)),
                Map.entry("vendor-policy.request-deadline", DEADLINE_MS + "ms"),
                Map.entry("vendor-policy.windsurf.retry.max-retries", String.valueOf(ATTEMPTS - 1)),
                Map.entry("vendor-policy.tabnine.retry.max-retries", String.valueOf(ATTEMPTS - 1)),
                Map.entry("vendor-policy.windsurf.retry.retry-after-cap", RETRY_AFTER_CAP_S + "s"),
                Map.entry("vendor-policy.tabnine.retry.retry-after-cap", RETRY_AFTER_CAP_S + "s"),
                Map.entry("vendor-policy.windsurf.breaker.request-volume-threshold", "5"),
                Map.entry("vendor-policy.windsurf.breaker.failure-ratio", "1.0"),
                Map.entry("vendor-policy.windsurf.breaker.delay", "60s"));
    }
}
