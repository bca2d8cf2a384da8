package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A Tabnine licence without the Agent feature: agent-usage is refused with Tabnine's documented 403, usage is not. */
@QuarkusTest
@TestProfile(AgentUnlicensedTest.Unlicensed.class)
class AgentUnlicensedTest {

    public static class Unlicensed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demo.enabled", "true", "demo.tabnine.agent-licensed", "false");
        }
    }

    @Test
    void agentUsageIsForbiddenWithFeatureNotAvailable() {
        for (String scope : new String[] { "organization", "team", "user" }) {
            given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                    .queryParams(Map.of("startDate", "2025-03-01T00:00:00Z", "endDate", "2025-04-01T00:00:00Z"))
                    .when().get("/demo/tabnine/api/v1/" + scope + "/agent-usage")
                    .then().statusCode(403)
                    .body("$", aMapWithSize(2))
                    .body("error", equalTo("FEATURE_NOT_AVAILABLE"))
                    .body("message", equalTo("The Agent feature is not included in your account's license."));
        }
        String org = given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .when().get("/demo/tabnine/api/v1/organization").then().statusCode(200).extract().path("id");
        given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .queryParams(Map.of("organizationId", org, "from", "2025-03-01T00:00:00Z", "to",
                        "2025-04-01T00:00:00Z", "granularity", "all"))
                .when().get("/demo/tabnine/api/v2/organization/usage").then().statusCode(200);
    }
}
