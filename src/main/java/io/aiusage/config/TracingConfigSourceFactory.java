package io.aiusage.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Tracing is off unless an OTLP endpoint is configured. Quarkus traces by default and would export to
 * {@code localhost:4317}, logging a failed export every few seconds on every pod that has no collector beside it; and
 * its switch ({@code quarkus.otel.sdk.disabled}) cannot be derived from another key with a property expression. So
 * when neither {@code quarkus.otel.exporter.otlp.endpoint} nor {@code ...otlp.traces.endpoint} is set anywhere, this
 * factory turns the SDK off, below every other source: an explicit {@code QUARKUS_OTEL_SDK_DISABLED} still wins.
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250): only a default. */
    static final int ORDINAL = 100;
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ENDPOINTS.stream().anyMatch(key -> isSet(context.getValue(key)))) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("tracing-off-without-endpoint", Map.of(SDK_DISABLED, "true"),
                ORDINAL) {
        });
    }

    /** Set by a real source: the extension's own default ({@code localhost:4317}) does not count. */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
