package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The fault knobs inject each vendor's own failures: Windsurf 429s with {@code Retry-After}, Tabnine 503s after the
 * configured latency, and a Tabnine licence without the Agent feature.
 */
@QuarkusTest
@TestProfile(FaultInjectionTest.Faulty.class)
class FaultInjectionTest {

    public static class Faulty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demo.enabled", "true",
                    "demo.windsurf.rate-limit-probability", "1", "demo.windsurf.retry-after-seconds", "7",
                    "demo.tabnine.error-probability", "1", "demo.tabnine.latency", "300ms");
        }
    }

    @Test
    void windsurfAnswers429WithRetryAfterInItsOwnFormat() {
        given().contentType(ContentType.JSON).body(Map.of("service_key", DemoConfig.WINDSURF_SERVICE_KEY))
                .when().post("/demo/windsurf/api/v1/UserPageAnalytics")
                .then().statusCode(429)
                .header("Retry-After", "7")
                .body("error", equalTo("429 Too Many Requests"));
    }

    @Test
    void tabnineAnswers503InItsEnvelopeAfterTheConfiguredLatency() {
        given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .when().get("/demo/tabnine/api/v1/organization")
                .then().statusCode(503)
                .time(greaterThanOrEqualTo(300L), TimeUnit.MILLISECONDS)
                .body("error", equalTo("SERVICE_UNAVAILABLE"))
                .body("status", equalTo(503))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }
}
