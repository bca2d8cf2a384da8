package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 11, acceptance 5: CORS answers only the configured origin, and a POST a cross-site form could send
 * ({@code text/plain}, form-encoded, multipart: no preflight) runs no operation, so asks no vendor.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class CorsTest extends WireMockGraphQLTest {

    private static final String PEOPLE = "{\"query\": \"{ people { totalCount } }\"}";

    @InjectTokens
    TestTokens tokens;

    @Test
    void theAllowedOriginGetsTheCorsHeaders() {
        given().header("Origin", SecuredProfile.DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", SecuredProfile.DASHBOARD)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("Authorization"));
        given().header("Origin", SecuredProfile.DASHBOARD).auth().oauth2(tokens.withRoles("viewer"))
                .contentType("application/json").body("{\"query\": \"{ vendors { vendor } }\"}")
                .post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", SecuredProfile.DASHBOARD);
    }

    @Test
    void anotherOriginDoesNot() {
        given().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net").auth().oauth2(tokens.withRoles("viewer"))
                .contentType("application/json").body("{\"query\": \"{ vendors { vendor } }\"}")
                .post("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aTextPlainFormOrMultipartPostRunsNothing() {
        String token = tokens.withRoles(SecuredProfile.PEOPLE_READER);
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
            RequestSpecification request = given().auth().oauth2(token).header("Origin", SecuredProfile.DASHBOARD);
            request = switch (type) {
                case "text/plain" -> request.contentType(type).body(PEOPLE);
                case "multipart/form-data" -> request.multiPart("query", "{ people { totalCount } }");
                default -> request.contentType(type).formParam("query", "{ people { totalCount } }");
            };
            request.post("/graphql")
                    .then().statusCode(415)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        assertEquals(0, mocks.windsurf().getAllServeEvents().size() + mocks.tabnine().getAllServeEvents().size(),
                "no operation ran, so no vendor was asked");
        // the same token and query as JSON does run (and so asks the vendors)
        given().auth().oauth2(token).contentType("application/json").body(PEOPLE).post("/graphql")
                .then().statusCode(200).body("data.people.totalCount", equalTo(7));
    }
}
