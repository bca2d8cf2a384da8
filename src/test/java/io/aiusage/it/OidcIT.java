package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.api.InjectTokens;
import io.aiusage.api.TestIssuer;
import io.aiusage.api.TestTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 11, acceptance 6: the packaged application in the prod profile with AUTH_MODE=oidc and a test issuer (its
 * JWKS served from this JVM) answers 401 without a token and 200 with one. Introspection is switched off here by
 * configuration, as an operator may do in production (build point 4).
 */
@QuarkusIntegrationTest
@TestProfile(OidcIT.Oidc.class)
class OidcIT {

    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "no-introspection");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestIssuer.class));
        }
    }

    private static final String QUERY = "{\"query\": \"{ vendors { vendor configured demo healthy } }\"}";

    @InjectTokens
    TestTokens tokens;

    @Test
    void noTokenGets401() {
        given().contentType("application/json").body(QUERY).post("/graphql")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenOfTheIssuerGets200() {
        given().auth().oauth2(tokens.withRoles("viewer")).contentType("application/json").body(QUERY).post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.vendors.vendor", hasItems("WINDSURF", "TABNINE"))
                // the emulated Tabnine checks its own bearer token: OIDC must not claim it
                .body("data.vendors.healthy", everyItem(equalTo(true)));
    }

    @Test
    void introspectionIsOffByConfiguration() {
        given().auth().oauth2(tokens.withRoles("viewer")).contentType("application/json")
                .body("{\"query\": \"{ __schema { queryType { name } } }\"}").post("/graphql")
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", containsString("__schema"));
    }
}
