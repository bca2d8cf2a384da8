package io.aiusage.demo;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With demo mode off the emulator is not exposed: every {@code /demo/**} path is a 404, credentials or not. */
@QuarkusTest
@TestProfile(DemoDisabledTest.DemoOff.class)
class DemoDisabledTest {

    public static class DemoOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demo.enabled", "false");
        }
    }

    @Test
    void everyEmulatorPathIsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("service_key", DemoConfig.WINDSURF_SERVICE_KEY))
                .when().post("/demo/windsurf/api/v1/UserPageAnalytics").then().statusCode(404);
        given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .when().get("/demo/tabnine/api/v1/organization").then().statusCode(404);
        given().when().get("/demo/tabnine/api/v1/organization/teams").then().statusCode(404);
        given().when().get("/demo").then().statusCode(404);
    }
}
