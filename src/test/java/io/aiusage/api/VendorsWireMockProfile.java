package io.aiusage.api;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every GraphQL contract test over WireMock shares this profile, so Quarkus starts once for all of them. */
public class VendorsWireMockProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VendorsWireMock.class));
    }
}
