package io.aiusage.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.StoredEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Issue 12, build 6 (native-safe): with {@code cache.store=redis} every cached value is written and read as JSON by
 * Jackson, through reflection, outside any REST client or GraphQL signature, so a native binary must have each of our
 * types in a cached value registered for reflection. This finds every {@link Dataset} the connectors declare, walks
 * its entry type (type arguments and record components, to the leaves) and checks each {@code io.aiusage} type is
 * named by a {@link RegisterForReflection} somewhere (itself, or in a {@code targets} list). Without GraalVM here, a
 * missing registration would otherwise show only as empty answers from a native replica sharing Redis.
 */
class CachedTypesReflectionTest {

    @Test
    void everyTypeTheCacheStoresIsRegisteredForReflection() throws Exception {
        List<Class<?>> classes = applicationClasses();
        Set<String> registered = registered(classes);
        List<Dataset<?>> datasets = datasets(classes);
        assertTrue(datasets.size() >= 10, () -> "the connectors' datasets are found: " + datasets);

        Set<String> missing = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        walk(TypeFactory.defaultInstance().constructType(StoredEntry.class), registered, missing, seen);
        datasets.forEach(dataset -> walk(dataset.type(), registered, missing, seen));

        assertTrue(seen.stream().anyMatch(Class::isRecord), "the walk reaches the cached records");
        assertTrue(missing.isEmpty(), () -> "cached as JSON but not registered for reflection: " + missing);
    }

    private static void walk(JavaType type, Set<String> registered, Set<String> missing, Set<Class<?>> seen) {
        for (int i = 0; i < type.containedTypeCount(); i++) {
            walk(type.containedType(i), registered, missing, seen);
        }
        Class<?> raw = type.getRawClass();
        if (!raw.getName().startsWith("io.aiusage.") || !seen.add(raw)) {
            return;
        }
        if (!registered.contains(raw.getName())) {
            missing.add(raw.getName());
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                walk(TypeFactory.defaultInstance().constructType(component.getGenericType()), registered, missing,
                        seen);
            }
        }
    }

    /** Every class named by a {@code @RegisterForReflection}: the annotated class, or its targets instead. */
    private static Set<String> registered(List<Class<?>> classes) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : classes) {
            RegisterForReflection annotation = type.getAnnotation(RegisterForReflection.class);
            if (annotation == null) {
                continue;
            }
            if (annotation.targets().length == 0 && annotation.classNames().length == 0) {
                names.add(type.getName());
            }
            Stream.of(annotation.targets()).map(Class::getName).forEach(names::add);
            names.addAll(List.of(annotation.classNames()));
        }
        return names;
    }

    /** The values of every static {@code Dataset} field of the application's classes. */
    private static List<Dataset<?>> datasets(List<Class<?>> classes) throws IllegalAccessException {
        List<Dataset<?>> datasets = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Dataset.class) {
                    field.setAccessible(true);
                    datasets.add((Dataset<?>) field.get(null));
                }
            }
        }
        return datasets;
    }

    /** The compiled application classes (target/classes), loaded without running their initialisers. */
    private static List<Class<?>> applicationClasses() throws URISyntaxException {
        Path root = Path.of(StoredEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("io/aiusage"))) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, CachedTypesReflectionTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // generated or optional classes that need a running application: nothing cached there
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
