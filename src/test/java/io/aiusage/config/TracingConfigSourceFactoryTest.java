package io.aiusage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Tracing is off unless an exporter endpoint is configured, and an explicit switch always wins. */
class TracingConfigSourceFactoryTest {

    private static Optional<Boolean> sdkDisabled(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")
                .withSources(new TracingConfigSourceFactory())
                .build();
        return config.getOptionalValue(TracingConfigSourceFactory.SDK_DISABLED, Boolean.class);
    }

    @Test
    void offWhenNoEndpointIsConfiguredEvenThoughTheExtensionHasADefaultOne() {
        assertEquals(Optional.of(true), sdkDisabled(Map.of(), Map.of()));
    }

    @Test
    void onWhenAnEndpointIsSetInTheEnvironment() {
        assertEquals(Optional.empty(),
                sdkDisabled(Map.of(), Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")));
        assertEquals(Optional.empty(),
                sdkDisabled(Map.of(), Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4317")));
    }

    @Test
    void onWhenAnEndpointIsSetInProperties() {
        assertEquals(Optional.empty(),
                sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317"), Map.of()));
    }

    @Test
    void anExplicitSwitchWins() {
        assertEquals(Optional.of(false), sdkDisabled(Map.of(), Map.of("QUARKUS_OTEL_SDK_DISABLED", "false")));
        assertEquals(Optional.of(true), sdkDisabled(Map.of(), Map.of("QUARKUS_OTEL_SDK_DISABLED", "true",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")));
    }
}
