package io.aiusage.connector.tabnine;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Tabnine tests run against WireMock, with demo mode off; every Tabnine test class shares this one start-up. */
public class TabnineWireMockProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TabnineWireMock.class));
    }
}
