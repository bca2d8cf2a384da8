package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 18, acceptance 2: the status code and media type of each case of the GraphQL-over-HTTP spec the service
 * follows (demo mode). Media type: application/graphql-response+json when accepted, else application/json, UTF-8.
 * Request errors: a body or query string that is not a GraphQL request is 400 whatever the media type; a document
 * that does not parse or validate and variables that do not coerce are 400 with application/graphql-response+json
 * and 200 with application/json (as the spec recommends for each), without {@code data}. A POST that is not
 * application/json is 415 and a mutation by GET 405 with {@code Allow: POST}; neither runs anything.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String GQL = MediaTypes.GRAPHQL_RESPONSE;
    private static final String JSON = MediaTypes.JSON;
    /** Sends Content-Type exactly as given, without rest-assured's own charset. */
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
        "application/graphql-response+json | application/graphql-response+json",
        "application/json | application/json",
        "*/* | application/json",
        "application/* | application/json",
        "text/html, application/xhtml+xml, */*;q=0.8 | application/json",
        "application/json;q=0.5, application/graphql-response+json | application/graphql-response+json",
        "application/graphql-response+json;q=0.2, application/json | application/json",
        "application/graphql-response+json; charset=utf-8 | application/graphql-response+json"})
    void theMediaTypeFollowsAccept(String accept, String expected) {
        post(accept, Map.of("query", "{ __typename }")).statusCode(200)
                .contentType(startsWith(expected))
                .contentType(containsString("charset=utf-8"))
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void noAcceptIsApplicationJson() {
        given().contentType(JSON).body(Map.of("query", "{ __typename }")).post("/graphql")
                .then().statusCode(200).contentType(startsWith(JSON)).body("errors", nullValue());
    }

    @Test
    void anAcceptThatHasNeitherIs406() {
        post("text/html", Map.of("query", "{ __typename }")).statusCode(406).contentType(startsWith(JSON))
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
        post("application/json; charset=utf-16", Map.of("query", "{ __typename }")).statusCode(406);
    }

    @ParameterizedTest(name = "{0} with Accept {1}")
    @CsvSource(delimiter = '|', value = {
        "{ \"query\": | application/graphql-response+json",
        "{ \"query\": | application/json",
        "{\"query\": 42} | application/graphql-response+json",
        "{\"query\": 42} | application/json",
        "{\"query\": \"{ __typename }\", \"variables\": \"x\"} | application/json",
        "{\"query\": \"{ __typename }\", \"operationName\": 1} | application/json",
        "[{\"query\": \"{ __typename }\"}] | application/json",
        "{\"qeury\": \"{ __typename }\"} | application/graphql-response+json"})
    void aBodyThatIsNotAGraphQLRequestIs400(String body, String accept) {
        given().config(AS_GIVEN).contentType(JSON).accept(accept).body(body).post("/graphql")
                .then().statusCode(400).contentType(startsWith(accept))
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "does not parse | { people { | GRAPHQL_PARSE_FAILED",
        "does not validate | { nope } | ",
        "operation not in the document | query A { __typename } | GRAPHQL_VALIDATION_FAILED"})
    void aDocumentErrorIs400WithGraphQLResponseJsonAnd200WithJson(String what, String query, String code) {
        Map<String, Object> request = what.startsWith("operation") ? Map.of("query", query, "operationName", "B")
                : Map.of("query", query);
        for (String accept : new String[] {GQL, JSON}) {
            ValidatableResponse response = post(accept, request)
                    .statusCode(GQL.equals(accept) ? 400 : 200)
                    .contentType(startsWith(accept))
                    .body("$", not(hasKey("data")))
                    .body("errors[0].message", not(equalTo("")));
            if (code != null) {
                response.body("errors[0].extensions.code", equalTo(code));
            }
        }
    }

    @Test
    void variablesThatDoNotCoerceAre400WithGraphQLResponseJsonAnd200WithJson() {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("email", null);
        Map<String, Object> request = Map.of("query", "query($email: String!) { person(email: $email) { email } }",
                "variables", variables);
        post(GQL, request).statusCode(400).contentType(startsWith(GQL)).body("$", not(hasKey("data")));
        post(JSON, request).statusCode(200).contentType(startsWith(JSON)).body("$", not(hasKey("data")));
    }

    @Test
    void aFieldErrorKeepsItsDataAnd200() {
        for (String accept : new String[] {GQL, JSON}) {
            post(accept, Map.of("query", "{ vendors { vendor } people(first: 100000) { totalCount } }"))
                    .statusCode(200).contentType(startsWith(accept))
                    .body("data.vendors.vendor[0]", equalTo("WINDSURF"))
                    .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        }
    }

    @Test
    void aPostThatIsNotJsonIs415() {
        given().config(AS_GIVEN).body("{\"query\": \"{ __typename }\"}").post("/graphql")
                .then().statusCode(415).contentType(startsWith(JSON))
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        for (String type : new String[] {"text/plain", "application/graphql"}) {
            given().config(AS_GIVEN).contentType(type).accept(GQL).body("{ __typename }".getBytes(StandardCharsets.UTF_8))
                    .post("/graphql")
                    .then().statusCode(415).contentType(startsWith(GQL));
        }
        given().accept(GQL).formParam("query", "{ __typename }").post("/graphql")
                .then().statusCode(415).contentType(startsWith(GQL));
    }

    @Test
    void aQueryRunsFromAGetWithUrlEncodedParameters() {
        given().accept(GQL)
                .queryParam("query", "query Name($name: String!) { __type(name: $name) { name } } query Other { __typename }")
                .queryParam("variables", "{\"name\": \"Query\"}")
                .queryParam("operationName", "Name")
                .get("/graphql")
                .then().log().ifValidationFails().statusCode(200).contentType(startsWith(GQL))
                .body("data.__type.name", equalTo("Query"));
        // % and + reach GraphQL as sent (SmallRye decodes GET parameters a second time)
        given().queryParam("query", "{ people(search: \"100% a+b\") { totalCount } }").get("/graphql")
                .then().statusCode(200).contentType(startsWith(JSON)).body("data.people.totalCount", equalTo(0));
    }

    @Test
    void aMutationByGetIs405WithAllowPost() {
        given().accept(GQL).queryParam("query", "mutation { __typename }").get("/graphql")
                .then().statusCode(405).header("Allow", "POST").contentType(startsWith(GQL))
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anotherMethodIs405() {
        given().contentType(JSON).body(Map.of("query", "{ __typename }")).put("/graphql")
                .then().statusCode(405).header("Allow", "GET, POST");
    }

    private static ValidatableResponse post(String accept, Object body) {
        RequestSpecification request = given().contentType(JSON).accept(accept).body(body);
        return request.post("/graphql").then().log().ifValidationFails();
    }
}
