package io.aiusage.ops;

import static io.aiusage.ops.Kustomize.all;
import static io.aiusage.ops.Kustomize.containers;
import static io.aiusage.ops.Kustomize.find;
import static io.aiusage.ops.Kustomize.map;
import static io.aiusage.ops.Kustomize.maps;
import static io.aiusage.ops.Kustomize.name;
import static io.aiusage.ops.Kustomize.spec;
import static io.aiusage.ops.ManifestConsistencyTest.DEPLOY;
import static io.aiusage.ops.ManifestConsistencyTest.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the issue asks of deploy/, checked on every rendering: hardened pods, references that resolve, and the two
 * overlays' own promises (demo: one replica on the emulator; production: three replicas, credentials required,
 * Redis, OIDC).
 */
class ManifestShapeTest {

    static Stream<Path> kustomizations() throws IOException {
        return ManifestConsistencyTest.kustomizations();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyPodIsHardenedAndSized(Path dir) {
        for (Map<String, Object> deployment : all(Kustomize.render(dir), "Deployment")) {
            Map<String, Object> pod = map(map(spec(deployment).get("template")).get("spec"));
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertEquals(true, podSecurity.get("runAsNonRoot"), dir + " " + name(deployment));
            assertEquals("RuntimeDefault", map(podSecurity.get("seccompProfile")).get("type"));
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> security = map(container.get("securityContext"));
                assertEquals(true, security.get("readOnlyRootFilesystem"), dir + " " + container.get("name"));
                assertEquals(false, security.get("allowPrivilegeEscalation"));
                assertEquals(List.of("ALL"), map(security.get("capabilities")).get("drop"));
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    assertNotNull(map(resources.get(bound)).get("cpu"), dir + " cpu " + bound);
                    assertNotNull(map(resources.get(bound)).get("memory"), dir + " memory " + bound);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void referencesResolve(Path dir) {
        List<Map<String, Object>> resources = Kustomize.render(dir);
        Map<String, Object> deployment = find(resources, "Deployment", GATEWAY);
        Map<String, Object> template = map(spec(deployment).get("template"));
        Map<String, Object> podLabels = map(map(template.get("metadata")).get("labels"));
        find(resources, "ServiceAccount", (String) map(template.get("spec")).get("serviceAccountName"));
        assertEquals(podLabels, map(spec(deployment).get("selector")).get("matchLabels"));
        assertTrue(podLabels.entrySet().containsAll(map(spec(find(resources, "Service", GATEWAY)).get("selector"))
                .entrySet()), dir + " Service selects the pods");
        assertTrue(podLabels.entrySet().containsAll(map(map(spec(find(resources, "NetworkPolicy", GATEWAY))
                .get("podSelector")).get("matchLabels")).entrySet()), dir + " NetworkPolicy selects the pods");
        assertTrue(podLabels.entrySet().containsAll(map(map(spec(find(resources, "PodDisruptionBudget", GATEWAY))
                .get("selector")).get("matchLabels")).entrySet()), dir + " PDB selects the pods");
        all(resources, "HorizontalPodAutoscaler").forEach(hpa -> assertEquals(GATEWAY,
                map(spec(hpa).get("scaleTargetRef")).get("name"), dir + " HPA scales the gateway"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void networkPolicyAllowsTheHttpPortInAndDnsRedisHttpsOut(Path dir) {
        Map<String, Object> policy = spec(find(Kustomize.render(dir), "NetworkPolicy", GATEWAY));
        assertEquals(List.of("Ingress", "Egress"), policy.get("policyTypes"));
        assertEquals(List.of("http"), ports(maps(policy.get("ingress"))));
        assertEquals(List.of(53, 53, 6379, 443), ports(maps(policy.get("egress"))));
    }

    @Test
    void demoRunsOneReplicaOnTheEmulator() {
        List<Map<String, Object>> demo = Kustomize.render(DEPLOY.resolve("overlays/demo"));
        assertEquals(1, spec(find(demo, "Deployment", GATEWAY)).get("replicas"));
        assertEquals("true", map(find(demo, "ConfigMap", GATEWAY).get("data")).get("DEMO_ENABLED"));
        assertTrue(all(demo, "HorizontalPodAutoscaler").isEmpty(), "no autoscaler in the demo");
    }

    @Test
    void productionRunsThreeReplicasWithCredentialsRedisAndOidc() {
        List<Map<String, Object>> production = Kustomize.render(DEPLOY.resolve("overlays/production"));
        assertEquals(3, spec(find(production, "Deployment", GATEWAY)).get("replicas"));
        assertEquals(3, spec(find(production, "HorizontalPodAutoscaler", GATEWAY)).get("minReplicas"));
        Map<String, Object> config = map(find(production, "ConfigMap", GATEWAY).get("data"));
        assertEquals("false", config.get("DEMO_ENABLED"));
        assertEquals("oidc", config.get("AUTH_MODE"));
        Map<String, Object> secretRef = maps(ManifestConsistencyTest.gateway(production).get("envFrom")).stream()
                .map(source -> map(source.get("secretRef"))).filter(ref -> !ref.isEmpty()).findFirst().orElseThrow();
        assertEquals(false, secretRef.get("optional"), "production does not start without its credentials");
        Map<String, Object> redis = find(production, "Service", "ai-usage-gateway-redis");
        find(production, "Deployment", "ai-usage-gateway-redis");
        int redisPort = (Integer) maps(spec(redis).get("ports")).getFirst().get("port");
        assertEquals("redis://ai-usage-gateway-redis:" + redisPort, config.get("QUARKUS_REDIS_HOSTS"));
    }

    private static List<Object> ports(List<Map<String, Object>> rules) {
        return rules.stream().flatMap(rule -> maps(rule.get("ports")).stream()).map(port -> port.get("port")).toList();
    }
}
