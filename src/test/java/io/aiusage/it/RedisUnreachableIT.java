package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 3, second half, on the packaged application: with the cache and the request budget in Redis
 * ({@code cache.store=redis}) and nothing answering where {@code quarkus.redis.hosts} points, the replica is not ready
 * (Kubernetes takes it out of the Service: without its shared cache and budget it must not serve), while it is still
 * live (a restart would not bring Redis back) and the configuration check stays UP.
 */
@QuarkusIntegrationTest
@TestProfile(RedisUnreachableIT.UnreachableRedis.class)
class RedisUnreachableIT {

    /** Redis on a local port nothing listens on: one that was free a moment ago. */
    public static class UnreachableRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cache.store", "redis", "quarkus.redis.hosts", "redis://127.0.0.1:" + freePort());
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void readinessIsDownBecauseOfRedisAloneWhileLivenessStaysUp() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'configuration' }.status", equalTo("UP"))
                .body("checks.findAll { it.status == 'DOWN' }", hasSize(1))
                .body("checks.find { it.status == 'DOWN' }.name", containsStringIgnoringCase("redis"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
