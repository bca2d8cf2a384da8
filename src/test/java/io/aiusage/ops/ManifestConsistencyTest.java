package io.aiusage.ops;

import static io.aiusage.ops.Kustomize.containers;
import static io.aiusage.ops.Kustomize.find;
import static io.aiusage.ops.Kustomize.map;
import static io.aiusage.ops.Kustomize.maps;
import static io.aiusage.ops.Kustomize.spec;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kustomization in deploy/ (base and overlays, patches applied) agrees with the application it deploys: the
 * probe and scrape paths answer on the running application, the container port is its HTTP port, every environment
 * variable the manifests set is one it reads, the image is the one quarkus.container-image names, and the Secret
 * template holds no value.
 */
@QuarkusTest
class ManifestConsistencyTest {

    static final Path DEPLOY = Path.of("deploy");
    static final String GATEWAY = "ai-usage-gateway";

    /**
     * Variables the production overlay sets for features being built in other issues, which the application does
     * not read yet. Each entry must leave this list when its feature is merged (a test below says when).
     */
    static final Map<String, String> PENDING = Map.of();

    static Stream<Path> kustomizations() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.endsWith("kustomization.yaml")).map(Path::getParent).sorted().toList().stream();
        }
    }

    static Map<String, Object> gateway(List<Map<String, Object>> resources) {
        return containers(find(resources, "Deployment", GATEWAY)).stream()
                .filter(c -> "gateway".equals(c.get("name"))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void probesAndTheScrapePathAnswerOnTheApplication(Path dir) {
        List<Map<String, Object>> resources = Kustomize.render(dir);
        Map<String, Object> gateway = gateway(resources);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = map(map(gateway.get(probe)).get("httpGet"));
            assertEquals("http", httpGet.get("port"), dir + " " + probe + " port");
            String path = (String) httpGet.get("path");
            assertEquals(200, given().get(path).statusCode(), dir + " " + probe + " " + path + " answers");
            given().get(path).then().body("status", equalTo("UP"));
        }
        Map<String, Object> annotations = map(map(map(spec(find(resources, "Deployment", GATEWAY)).get("template"))
                .get("metadata")).get("annotations"));
        String scrape = (String) annotations.get("prometheus.io/path");
        assertEquals(200, given().get(scrape).statusCode(), dir + " prometheus.io/path " + scrape + " answers");
        assertEquals(String.valueOf(httpPort(resources)), annotations.get("prometheus.io/port"), dir + " scrape port");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theContainerPortIsTheHttpPort(Path dir) {
        List<Map<String, Object>> resources = Kustomize.render(dir);
        Map<String, Object> http = maps(gateway(resources).get("ports")).stream()
                .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
        assertEquals(httpPort(resources), http.get("containerPort"), dir + " container port");
        assertEquals("http", maps(spec(find(resources, "Service", GATEWAY)).get("ports")).getFirst().get("targetPort"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyVariableTheManifestsSetIsOneTheApplicationReads(Path dir) {
        Set<String> unknown = new TreeSet<>(variables(Kustomize.render(dir)));
        unknown.removeAll(KnownSettings.environmentVariables());
        unknown.removeAll(PENDING.keySet());
        assertTrue(unknown.isEmpty(), dir + " sets variables the application does not read: " + unknown);
    }

    @Test
    void pendingVariablesAreStillPending() {
        Set<String> nowRead = new TreeSet<>(PENDING.keySet());
        nowRead.retainAll(KnownSettings.environmentVariables());
        assertTrue(nowRead.isEmpty(), "the application reads " + nowRead + " now: take them out of PENDING");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theImageIsTheConfiguredContainerImage(Path dir) {
        var config = ConfigProvider.getConfig();
        String repository = Stream.of(config.getOptionalValue("quarkus.container-image.registry", String.class),
                config.getOptionalValue("quarkus.container-image.group", String.class),
                config.getOptionalValue("quarkus.container-image.name", String.class))
                .flatMap(java.util.Optional::stream).reduce((a, b) -> a + "/" + b).orElseThrow();
        String image = (String) gateway(Kustomize.render(dir)).get("image");
        assertTrue(image.startsWith(repository + ":"), dir + " runs " + image + ", the build names " + repository);
        assertTrue(!image.endsWith(":latest"), dir + " pins a tag");
    }

    @Test
    void theSecretTemplateHoldsNoValuesAndNoKustomizationAppliesIt() throws IOException {
        Map<String, Object> secret = Kustomize.readAll(DEPLOY.resolve("base/secret.yaml")).getFirst();
        assertEquals("Secret", secret.get("kind"));
        Map<String, Object> values = map(secret.get("stringData"));
        assertTrue(!values.isEmpty() && secret.get("data") == null, "placeholders under stringData only");
        values.forEach((key, value) -> assertEquals("", value, key + " must stay empty in the template"));
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(KnownSettings.environmentVariables());
        assertTrue(unknown.isEmpty(), "the Secret template names variables the application does not read: " + unknown);
        for (Path dir : kustomizations().toList()) {
            assertTrue(Kustomize.all(Kustomize.render(dir), "Secret").isEmpty(), dir + " must not apply a Secret");
        }
    }

    /** What the gateway container's environment is made of: ConfigMaps and Secrets it loads, and its own env. */
    private static Set<String> variables(List<Map<String, Object>> resources) {
        Map<String, Object> gateway = gateway(resources);
        Set<String> names = new TreeSet<>();
        maps(gateway.get("env")).forEach(e -> names.add((String) e.get("name")));
        for (Map<String, Object> source : maps(gateway.get("envFrom"))) {
            if (source.get("configMapRef") != null) {
                String name = (String) map(source.get("configMapRef")).get("name");
                names.addAll(map(find(resources, "ConfigMap", name).get("data")).keySet());
            } else {
                String name = (String) map(source.get("secretRef")).get("name");
                assertEquals("ai-usage-gateway-credentials", name, "the Secret the template describes");
                names.addAll(map(Kustomize.readAll(DEPLOY.resolve("base/secret.yaml")).getFirst()
                        .get("stringData")).keySet());
            }
        }
        return names;
    }

    /**
     * The port the deployed application listens on: {@code QUARKUS_HTTP_PORT} if the manifests set it, else
     * {@code quarkus.http.port} as application.properties sets it (tests listen on the test port instead), else
     * Quarkus' default.
     */
    private static int httpPort(List<Map<String, Object>> resources) {
        Map<String, Object> config = map(find(resources, "ConfigMap", GATEWAY).get("data"));
        if (config.get("QUARKUS_HTTP_PORT") != null) {
            return Integer.parseInt((String) config.get("QUARKUS_HTTP_PORT"));
        }
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source.getName().contains("application.properties") && source.getValue("quarkus.http.port") != null) {
                return Integer.parseInt(source.getValue("quarkus.http.port"));
            }
        }
        return 8080;
    }
}
