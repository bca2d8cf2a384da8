package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad windows are INVALID_ARGUMENT errors naming the argument, on every field taking one, never a 500 or a class name. */
@QuarkusTest
class WindowValidationTest {

    static ValidatableResponse post(String query, Map<String, Object> variables) {
        return given().contentType("application/json").body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reversed     | 2026-02-01T00:00:00Z | 2026-01-01T00:00:00Z | window.from | must be before",
            "empty        | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z | window.from | must be before",
            "too long     | 2025-01-01T00:00:00Z | 2026-01-03T00:00:00Z | window      | at most 366 days",
            "bad from     | yesterday            | 2026-01-01T00:00:00Z | window.from | RFC 3339",
            "bad to       | 2026-01-01T00:00:00Z | 2026-13-01           | window.to   | RFC 3339",
            "no offset    | 2026-01-01T00:00:00  | 2026-01-02T00:00:00Z | window.from | RFC 3339" })
    void invalidWindowsNameTheArgument(String name, String from, String to, String argument, String hint) {
        String[] queries = {
                "query($w: WindowInput!) { usage(window: $w) { granularity } }",
                "query($w: WindowInput!) { people(window: $w) { totalCount } }",
                "query($w: WindowInput!) { seats(window: $w) { idle { email } } }",
                "query($w: WindowInput!) { people(first: 1) { nodes { usage(window: $w) { vendor } } } }" };
        for (String query : queries) {
            post(query, Map.of("w", Map.of("from", from, "to", to)))
                    .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                    .body("errors[0].extensions.argument", equalTo(argument))
                    .body("errors[0].message", containsString(argument))
                    .body("errors[0].message", containsString(hint))
                    .body("errors[0].message", not(containsString("io.aiusage")))
                    .body("errors[0].message", not(containsString("Exception")))
                    .body("errors[0]", not(org.hamcrest.Matchers.hasKey("stackTrace")));
        }
    }

    @org.junit.jupiter.api.Test
    void literalBadTimestampInsideTheQueryIsAlsoInvalidArgument() {
        post("{ usage(window: {from: \"last tuesday\", to: \"2026-01-01T00:00:00Z\"}) { granularity } }", Map.of())
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo("window.from"))
                .body("errors[0].message", not(containsString("Scalar")))
                .body("errors.size()", equalTo(1));
    }

    @org.junit.jupiter.api.Test
    void badTeamIdAndIdleThresholdNameTheArgument() {
        post("{ usage(window: {from: \"2026-01-01T00:00:00Z\", to: \"2026-01-02T00:00:00Z\"}, team: \"eng\") "
                + "{ granularity } }", Map.of())
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo("team"))
                .body("errors[0].message", containsString("TABNINE:"));
        post("{ seats(idleAfterDays: 0) { idle { email } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo("idleAfterDays"));
    }
}
