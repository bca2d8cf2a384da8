package io.aiusage.connector.windsurf;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One profile for every Windsurf WireMock test, so Quarkus starts once for all of them. */
public class WindsurfWireMockProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WindsurfWireMock.class));
    }
}
