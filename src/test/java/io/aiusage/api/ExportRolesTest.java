package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 14, acceptance 3 (the export's half) and build point 2: the CSV export asks for the same token and roles as
 * GraphQL. Without a valid token it is a 401 in the API's shape; a viewer downloads usage but gets 403 naming the
 * personal-data role (renamed by the profile) for people and seats; a people-reader downloads all three.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class ExportRolesTest extends WireMockGraphQLTest {

    private static final String USAGE = "usage.csv?from=2025-03-06&to=2025-03-11";

    @InjectTokens
    TestTokens tokens;

    private static RequestSpecification as(String token) {
        RequestSpecification request = given().accept("text/csv");
        return token == null ? request : request.auth().oauth2(token);
    }

    @ParameterizedTest
    @ValueSource(strings = { USAGE, "people.csv", "seats.csv" })
    void withoutATokenEveryExportIs401(String path) {
        as(null).get("/export/" + path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        as(tokens.expired("viewer")).get("/export/" + path).then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aViewerDownloadsUsageButNotPeopleOrSeats() {
        as(tokens.withRoles("viewer")).get("/export/" + USAGE).then().statusCode(200)
                .contentType("text/csv; charset=utf-8");
        for (String personal : new String[] { "people.csv", "people.csv?overlapping=true", "seats.csv?status=IDLE" }) {
            as(tokens.withRoles("viewer")).get("/export/" + personal).then().statusCode(403)
                    .contentType("application/json; charset=utf-8")
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].message", containsString("needs the " + SecuredProfile.PEOPLE_READER + " role"));
        }
    }

    @Test
    void aPeopleReaderDownloadsAllThree() {
        String token = tokens.withRoles(SecuredProfile.PEOPLE_READER);
        as(token).get("/export/" + USAGE).then().statusCode(200);
        as(token).get("/export/people.csv").then().statusCode(200).body(containsString("alice@x.com"));
        as(token).get("/export/seats.csv?status=NEVER_USED").then().statusCode(200).body(containsString("gina@y.org"));
    }

    @Test
    void aTokenWithNeitherRoleDownloadsNothing() {
        as(tokens.withRoles("someone-else")).get("/export/" + USAGE).then().statusCode(403)
                .body("errors[0].message", containsString("needs the viewer role"));
    }
}
