package io.aiusage.api;

import static io.aiusage.api.SecuredRequests.checked;
import static io.aiusage.api.SecuredRequests.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 11, acceptance 1 (the 401 half) and build point 4 (GraphiQL and introspection behind the same
 * authentication): with AUTH_MODE=oidc, only a valid token of the configured issuer gets in.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class AuthenticationTest extends WireMockGraphQLTest {

    private static final String QUERY = "{ usage(window: " + SmallOrg.USAGE_WINDOW + ") { granularity } }";

    @InjectTokens
    TestTokens tokens;

    @Test
    void noTokenGets401WithAGraphQLShapedUnauthenticatedError() {
        post(null, QUERY).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(containsString("application/json"))
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("Authorization: Bearer"));
        assertEquals(0, mocks.windsurf().getAllServeEvents().size() + mocks.tabnine().getAllServeEvents().size(),
                "nothing reaches a vendor without a token");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expired", "wrong issuer", "wrong audience", "signed by another key", "not a JWT"})
    void aRefusedTokenGets401(String kind) {
        Map<String, Function<TestTokens, String>> refused = Map.of(
                "expired", t -> t.expired("viewer"),
                "wrong issuer", t -> t.fromIssuer(t.issuer().replace("aiusage", "elsewhere"), "viewer"),
                "wrong audience", t -> t.forAudience("another-api", "viewer"),
                "signed by another key", t -> t.signedByAnotherKey("viewer"),
                "not a JWT", t -> "not-a-token");
        Response response = post(refused.get(kind).apply(tokens), QUERY);

        response.then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("refused"));
    }

    @Test
    void theSameTokenSignedByTheIssuerGetsIn() {
        post(tokens.withRoles("viewer"), QUERY).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.usage.granularity", equalTo("DAY"));
    }

    @Test
    void introspectionAndTheSchemaNeedATokenToo() {
        post(null, "{ __schema { queryType { name } } }").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        checked(given().get("/graphql/schema.graphql")).then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        post(tokens.withRoles("viewer"), "{ __schema { queryType { name } } }").then().statusCode(200)
                .body("data.__schema.queryType.name", equalTo("Query"));
        given().auth().oauth2(tokens.withRoles("viewer")).get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("type Query"));
    }

    @Test
    void graphiqlsPageIsServedItsQueriesNeedTheToken() {
        // the page is a static shell with no data and no schema: GraphiQL sends the token (Headers tab) with each
        // query, and the schema it shows comes from an introspection query, refused above without a token
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }
}
