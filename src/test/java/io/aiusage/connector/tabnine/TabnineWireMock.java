package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server on a free port standing in for Tabnine, with demo mode off so the connector really talks to it
 * (demo mode would otherwise rewrite tabnine.url and tabnine.token to the emulator).
 */
public class TabnineWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "demo.enabled", "false",
                "tabnine.url", server.baseUrl(),
                "tabnine.token", TabnineFixtures.TOKEN,
                "tabnine.page-size", "2",
                "tabnine.max-pages", "3",
                "tabnine.concurrency", "3",
                // the fixture organisation moved to 6.2 long before any day the tests ask: v2 for every day, and no
                // detection calls to count (UsageApiDetectorTest and TabnineHistoryTest detect on their own clients)
                "tabnine.v2-since", "2020-01-01",
                "quarkus.rest-client.tabnine.read-timeout", "1500",
                // traffic logging on, headers included, so the log test proves the token is redacted there too
                "quarkus.rest-client.logging.scope", "request-response",
                "quarkus.rest-client.logging.body-limit", "10000");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
