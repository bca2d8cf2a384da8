package io.aiusage.connector.windsurf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock Windsurf on a free port, with demo mode off so the real REST client talks to it. REST client traffic
 * logging is on (bodies included) so every test also exercises the redacting logger.
 */
public class WindsurfWireMock implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_KEY = "ws-test-key-5f0c2e9a71";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "demo.enabled", "false",
                "windsurf.url", server.baseUrl(),
                "windsurf.service-key", SERVICE_KEY,
                // spaced as people write it in WINDSURF_GROUPS
                "windsurf.groups", "engineering, platform",
                "quarkus.rest-client.windsurf.read-timeout", "2000",
                "quarkus.rest-client.logging.scope", "request-response",
                "quarkus.rest-client.logging.body-limit", "10000",
                "quarkus.log.category.\"io.aiusage\".level", "DEBUG");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A POST to {@code /api/v1/<endpoint>}. */
    static MappingBuilder post(String endpoint) {
        return WireMock.post(WireMock.urlEqualTo("/api/v1/" + endpoint));
    }

    /** A 200 JSON answer with the body of {@code src/test/resources/windsurf/<fixture>}. */
    static ResponseDefinitionBuilder fixture(String fixture) {
        return json(200, read(fixture));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String read(String fixture) {
        try (InputStream in = WindsurfWireMock.class.getResourceAsStream("/windsurf/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
