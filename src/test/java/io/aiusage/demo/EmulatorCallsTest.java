package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code /demo/calls} counts the calls each emulated endpoint received, by route template (no ids), including calls
 * the vendor then refused, and {@code DELETE} resets them.
 */
@QuarkusTest
@TestProfile(PinnedDemoProfile.class)
class EmulatorCallsTest {

    @Test
    void countsCallsPerRouteTemplateAndResets() {
        given().delete("/demo/calls").then().statusCode(200);
        String org = tabnine("v1/organization", 200).getString("id");
        List<String> users = tabnine("v1/organization/users?limit=3", 200).getList("data.id");
        String team = tabnine("v1/organization/teams", 200).getString("data[0].id");
        users.forEach(user -> tabnine("v1/user/" + user, 200));
        tabnine("v1/team/" + team + "/users", 200);
        // a fixed path wins over the template it also matches, as in JAX-RS
        tabnine("v1/team/usage?organizationId=" + org + "&teamId=" + team
                + "&from=2025-03-01T00:00:00Z&to=2025-03-08T00:00:00Z&granularity=all", 200);
        // refused calls reach the endpoint too; unknown paths are no endpoint
        given().header("Authorization", "Bearer wrong").get("/demo/tabnine/api/v1/user/" + users.get(0))
                .then().statusCode(401);
        tabnine("v1/nowhere", 404);
        windsurf("UserPageAnalytics");
        windsurf("UserPageAnalytics");
        windsurf("GetTeamCreditBalance");

        JsonPath counts = given().get("/demo/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("UserPageAnalytics", 2, "GetTeamCreditBalance", 1), counts.getMap("windsurf"));
        assertEquals(Map.of("/api/v1/organization", 1, "/api/v1/organization/users", 1,
                "/api/v1/organization/teams", 1, "/api/v1/user/{userId}", 4, "/api/v1/team/{teamId}/users", 1,
                "/api/v1/team/usage", 1), counts.getMap("tabnine"));
        assertEquals(Map.of("windsurf", Map.of(), "tabnine", Map.of()), counts.getMap("injected"));
        String text = counts.prettify();
        users.forEach(user -> assertFalse(text.contains(user), text));
        assertFalse(text.contains(team) || text.contains("@"), text);
        Instant since = Instant.parse(counts.getString("since"));

        // DELETE answers what it cleared, then counting starts afresh
        JsonPath cleared = given().delete("/demo/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(counts.getMap("tabnine"), cleared.getMap("tabnine"));
        assertEquals(counts.getMap("windsurf"), cleared.getMap("windsurf"));
        windsurf("Analytics");
        JsonPath after = given().get("/demo/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("Analytics", 1), after.getMap("windsurf"));
        assertEquals(Map.of(), after.getMap("tabnine"));
        assertTrue(Instant.parse(after.getString("since")).isAfter(since), after::prettify);
    }

    private static JsonPath tabnine(String path, int status) {
        return given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                .get("/demo/tabnine/api/" + path).then().statusCode(status).extract().jsonPath();
    }

    private static void windsurf(String endpoint) {
        given().contentType(ContentType.JSON).body(Map.of("service_key", DemoConfig.WINDSURF_SERVICE_KEY,
                "query_requests", List.of(Map.of("data_source", "QUERY_DATA_SOURCE_USER_DATA", "selections",
                        List.of(Map.of("field", "num_acceptances", "aggregation_function", "QUERY_AGGREGATION_SUM"))))))
                .post("/demo/windsurf/api/v1/" + endpoint).then().statusCode(200);
    }
}
