package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /graphql} for the contract tests. Every answer is also checked for what must never reach a client: a
 * Java class or package name, a stack trace, a vendor credential or a vendor's own error text.
 */
final class GraphQLRequests {

    /** Marker in every vendor error body the tests serve; it must never be passed on. */
    static final String VENDOR_ERROR_TEXT = "upstream-detail-7731";

    /** Floats as doubles, so {@code credits} and {@code cost} compare with plain double literals. */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static final List<String> FORBIDDEN = List.of("io.aiusage", "Exception", "stackTrace", "\tat ",
            "java.", VendorsWireMock.WINDSURF_KEY, VendorsWireMock.TABNINE_TOKEN, VENDOR_ERROR_TEXT);

    private GraphQLRequests() {
    }

    static ValidatableResponse graphql(String query) {
        return graphql(query, Map.of());
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return checked(given().config(DOUBLES).contentType("application/json")
                .body(Map.of("query", query, "variables", variables)).post("/graphql"));
    }

    /** One operation of a document holding several. */
    static ValidatableResponse graphqlOperation(String document, String operationName) {
        return checked(given().config(DOUBLES).contentType("application/json")
                .body(Map.of("query", document, "operationName", operationName)).post("/graphql"));
    }

    private static ValidatableResponse checked(Response response) {
        String body = response.asString();
        for (String forbidden : FORBIDDEN) {
            assertFalse(body.contains(forbidden), () -> "the answer contains \"" + forbidden + "\": " + body);
        }
        return response.then().statusCode(200);
    }
}
