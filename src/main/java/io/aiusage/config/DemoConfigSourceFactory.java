package io.aiusage.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.aiusage.demo.TabnineModel;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * In demo mode, points both vendors at the built-in emulator with the emulator's credentials, whatever else is set:
 * demo must never reach a real vendor. It also sets the demo organisation's Windsurf groups and Tabnine model names. Outside demo mode it
 * contributes nothing.
 */
public class DemoConfigSourceFactory implements ConfigSourceFactory {

    /** Above environment variables (300) and application.properties, below system properties (400). */
    static final int ORDINAL = 350;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue("demo.enabled");
        if (enabled == null || enabled.getValue() == null || !Boolean.parseBoolean(enabled.getValue().strip())) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("demo-mode", Map.of(
                "windsurf.url", "${demo.base-url}/windsurf",
                "windsurf.service-key", DemoConfig.WINDSURF_SERVICE_KEY,
                "windsurf.groups", String.join(",", DemoConfig.WINDSURF_GROUPS),
                "tabnine.url", "${demo.base-url}/tabnine",
                "tabnine.token", DemoConfig.TABNINE_TOKEN,
                "tabnine.model-names", modelNames()), ORDINAL) {
        });
    }

    /** The emulated Tabnine's models by name, as an operator would list theirs. */
    private static String modelNames() {
        return Arrays.stream(TabnineModel.values()).map(m -> m.uuid() + "=" + m.modelName())
                .collect(Collectors.joining(","));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
