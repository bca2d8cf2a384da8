package io.aiusage.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization the way {@code kubectl apply -k} would, for the features deploy/ uses: resources (files and
 * directories), {@code configMapGenerator} from env files (create and merge), strategic-merge {@code patches}
 * (including {@code $patch: delete}), {@code replicas} and {@code images}. Any other key fails the rendering rather
 * than being ignored. Neither kubectl nor kustomize is available to the build (no network, no binaries), hence this;
 * generated names keep no hash suffix, which changes no reference.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "configMapGenerator",
            "patches", "replicas", "images");

    private Kustomize() {
    }

    /** The resources {@code dir}'s kustomization produces. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = readAll(dir.resolve("kustomization.yaml")).getFirst();
        List<String> unsupported = kustomization.keySet().stream().filter(k -> !SUPPORTED.contains(k)).toList();
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException(dir + ": this renderer does not know " + unsupported);
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
            generate(dir, generator, resources);
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            for (Map<String, Object> body : readAll(dir.resolve((String) patch.get("path")))) {
                apply(body, resources);
            }
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            spec(find(resources, "Deployment", (String) replicas.get("name"))).put("replicas", replicas.get("count"));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            setImage(resources, image);
        }
        return resources;
    }

    /** Every document of a YAML file. */
    static List<Map<String, Object>> readAll(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            return YAML.readValues(parser, new TypeReference<Map<String, Object>>() {
            }).readAll().stream().filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code KEY=value} lines of an env file; comments and blank lines skipped. */
    static Map<String, String> readEnv(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    int equals = line.indexOf('=');
                    env.put(line.substring(0, equals).strip(), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(name(r))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }

    static List<Map<String, Object>> all(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    static Map<String, Object> spec(Map<String, Object> resource) {
        return map(resource.get("spec"));
    }

    /** The containers of a Deployment's pod template. */
    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(map(map(spec(deployment).get("template")).get("spec")).get("containers"));
    }

    /** An {@code images} entry: containers running {@code name} get {@code newName} and/or {@code newTag}. */
    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image) {
        for (Map<String, Object> deployment : all(resources, "Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String current = (String) container.get("image");
                int colon = current.lastIndexOf(':');
                String repository = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                if (repository.equals(image.get("name"))) {
                    String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : "latest";
                    container.put("image", image.getOrDefault("newName", repository) + ":"
                            + image.getOrDefault("newTag", tag));
                }
            }
        }
    }

    private static void generate(Path dir, Map<String, Object> generator, List<Map<String, Object>> resources) {
        Map<String, Object> data = new LinkedHashMap<>();
        strings(generator.get("envs")).forEach(env -> data.putAll(readEnv(dir.resolve(env))));
        String name = (String) generator.get("name");
        if ("merge".equals(generator.get("behavior"))) {
            map(find(resources, "ConfigMap", name).computeIfAbsent("data", k -> new LinkedHashMap<>())).putAll(data);
        } else {
            resources.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                    "metadata", Map.of("name", name), "data", data)));
        }
    }

    private static void apply(Map<String, Object> patch, List<Map<String, Object>> resources) {
        Map<String, Object> target = find(resources, (String) patch.get("kind"), name(patch));
        if ("delete".equals(patch.get("$patch"))) {
            resources.remove(target);
        } else {
            resources.set(resources.indexOf(target), map(merge(target, patch)));
        }
    }

    /**
     * Strategic merge as Kubernetes does it for the fields deploy/ patches: maps merge key by key, lists of named
     * items (containers, env, volumes) merge by name, other lists (envFrom, args) are replaced, null deletes.
     */
    static Object merge(Object base, Object patch) {
        if (base instanceof Map<?, ?> b && patch instanceof Map<?, ?> p) {
            Map<String, Object> merged = new LinkedHashMap<>(map(b));
            map(p).forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, merge(merged.get(key), value));
                }
            });
            return merged;
        }
        if (base instanceof List<?> b && patch instanceof List<?> p && named(b) && named(p)) {
            List<Object> merged = new ArrayList<>(b);
            for (Object item : p) {
                Object name = ((Map<?, ?>) item).get("name");
                int at = indexOf(merged, name);
                if (at < 0) {
                    merged.add(item);
                } else {
                    merged.set(at, merge(merged.get(at), item));
                }
            }
            return merged;
        }
        return patch;
    }

    private static boolean named(List<?> list) {
        return list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static int indexOf(List<Object> items, Object name) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(((Map<?, ?>) items.get(i)).get("name"))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
