package io.aiusage.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;

/**
 * The environment variables the running application reads, as SmallRye Config maps them (a property name with every
 * character other than a letter or digit turned into {@code _}, upper-cased), from three sources:
 * <ul>
 * <li>every property name the configuration knows (application.properties and all defaults);</li>
 * <li>every property of the application's {@code @ConfigMapping} interfaces, found in {@code target/classes}, so
 * optional keys without a default ({@code windsurf.service-key}) count too;</li>
 * <li>every runtime property of the Quarkus extensions on the classpath, from the configuration model each extension
 * ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}), so {@code QUARKUS_OIDC_AUTH_SERVER_URL}
 * counts exactly when quarkus-oidc is there. Build-time properties do not count: setting them on a running
 * container changes nothing.</li>
 * </ul>
 */
final class KnownSettings {

    private static final String QUARKUS_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    private KnownSettings() {
    }

    static Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        ConfigProvider.getConfig().getPropertyNames().forEach(property -> names.add(env(property)));
        mappings().forEach(mapping -> ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).keySet()
                .forEach(property -> names.add(env(property))));
        names.addAll(quarkusRuntimeVariables());
        return names;
    }

    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The application's {@code @ConfigMapping} interfaces. */
    static Stream<Class<?>> mappings() {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).map(KnownSettings::load)
                    .filter(type -> type.isAnnotationPresent(ConfigMapping.class)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> quarkusRuntimeVariables() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL model : Collections.list(loader.getResources(QUARKUS_MODEL))) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Every {@code path.environmentVariable} of a property whose phase is not build time only. */
    private static void collect(JsonNode node, Set<String> names) {
        JsonNode variable = node.path("path").path("environmentVariable");
        if (variable.isTextual() && !"BUILD_TIME".equals(node.path("phase").asText())) {
            names.add(variable.asText());
        }
        node.forEach(child -> collect(child, names));
    }
}
