package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Calls answered with an injected 429 or 503 are counted, and counted apart by status. */
@QuarkusTest
@TestProfile(FaultInjectionTest.Faulty.class)
class EmulatorCallsFaultTest {

    @Test
    void injectedFaultsAreCountedAndNamed() {
        given().delete("/demo/calls").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("service_key", DemoConfig.WINDSURF_SERVICE_KEY))
                    .post("/demo/windsurf/api/v1/UserPageAnalytics").then().statusCode(429);
        }
        given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .get("/demo/tabnine/api/v1/team/some-team/users").then().statusCode(503);

        JsonPath counts = given().get("/demo/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("UserPageAnalytics", 2), counts.getMap("windsurf"));
        assertEquals(Map.of("/api/v1/team/{teamId}/users", 1), counts.getMap("tabnine"));
        assertEquals(Map.of("windsurf", Map.of("UserPageAnalytics", Map.of("429", 2)),
                "tabnine", Map.of("/api/v1/team/{teamId}/users", Map.of("503", 1))), counts.getMap("injected"));
    }
}
