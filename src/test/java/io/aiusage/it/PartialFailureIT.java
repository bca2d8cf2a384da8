package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application with the emulated Tabnine failing every request (503): a question still answers with
 * Windsurf's data and one error naming Tabnine, without a stack trace or a class name.
 */
@QuarkusIntegrationTest
@TestProfile(PartialFailureIT.TabnineDown.class)
class PartialFailureIT {

    public static class TabnineDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demo.tabnine.error-probability", "1");
        }
    }

    @Test
    void windsurfPeopleComeBackWithOneTabnineError() {
        given().contentType("application/json").body(Map.of("query", "{ people { totalCount nodes { vendors } } }"))
                .post("/graphql").then().statusCode(200)
                .body("data.people.totalCount", greaterThan(0))
                .body("data.people.nodes.vendors", everyItem(equalTo(List.of("WINDSURF"))))
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("people"))
                .body("errors[0].extensions.code", equalTo("VENDOR_UNAVAILABLE"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"))
                .body("errors[0].message", not(containsString("Exception")));
    }
}
