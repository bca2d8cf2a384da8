package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** {@code POST /graphql} with or without a bearer token; every answer is checked for what must never leak. */
final class SecuredRequests {

    private static final List<String> NEVER = List.of("io.aiusage", "Exception", "\tat ", "java.",
            VendorsWireMock.WINDSURF_KEY, VendorsWireMock.TABNINE_TOKEN, GraphQLRequests.VENDOR_ERROR_TEXT);

    private SecuredRequests() {
    }

    static Response post(String token, String query) {
        RequestSpecification request = given().contentType("application/json").body(Map.of("query", query));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return checked(request.post("/graphql"));
    }

    static Response checked(Response response) {
        String body = response.asString();
        for (String never : NEVER) {
            assertFalse(body.contains(never), () -> "the answer contains \"" + never + "\": " + body);
        }
        return response;
    }
}
