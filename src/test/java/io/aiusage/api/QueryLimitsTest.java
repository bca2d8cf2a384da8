package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 11, acceptance 2: a depth, complexity, alias, operation or token breach is refused with a clear error before
 * any field runs, so WireMock counts zero vendor calls. Every query here asks for people, which would call both
 * vendors. Depth and complexity are SmallRye's instrumentations, so these tests also show they still run beside the
 * service's own (see {@link GraphQLEngine}). The defaults are those of application.properties.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class QueryLimitsTest extends WireMockGraphQLTest {

    @AfterEach
    void noVendorWasAsked() {
        assertEquals(0, mocks.windsurf().getAllServeEvents().size() + mocks.tabnine().getAllServeEvents().size(),
                "a refused query must not reach a vendor");
    }

    @Test
    void tooDeep() {
        // people > nodes > accounts > teams > members > nodes > accounts > teams > members > ... > name: 17 levels
        List<String> path = new ArrayList<>(List.of("people", "nodes"));
        while (path.size() < 16) {
            path.addAll(List.of("accounts", "teams", "members", "nodes"));
        }
        String query = "{ " + String.join(" { ", path.subList(0, 16)) + " { name" + " }".repeat(16) + " }";
        refused(query, "17 levels deep; at most 15");
    }

    @Test
    void tooComplex() {
        String fields = IntStream.range(0, 100).mapToObj(i -> "email name lastActiveAt vendors id")
                .collect(Collectors.joining(" "));
        refused("{ people { nodes { " + fields + " } } }", "fields (its complexity); at most 500");
    }

    @Test
    void tooManyAliases() {
        String aliases = IntStream.range(0, 21).mapToObj(i -> "p" + i + ": people(first: " + i + ") { totalCount }")
                .collect(Collectors.joining(" "));
        refused("{ " + aliases + " }", "21 aliases; at most 20");
    }

    @Test
    void tooManyOperations() {
        String operations = IntStream.range(0, 11).mapToObj(i -> "query Q" + i + " { people { totalCount } }")
                .collect(Collectors.joining(" "));
        graphql(operations.replace("query Q0 ", "query Run "), java.util.Map.of())
                .body("data", nullValue());
        refusedAs(GraphQLRequests.graphqlOperation(operations, "Q0"), "11 operations; at most 10");
    }

    @Test
    void tooManyTokens() {
        String names = IntStream.range(0, 6000).mapToObj(i -> "email").collect(Collectors.joining(" "));
        graphql("{ people { nodes { " + names + " } } }")
                .body("data", nullValue())
                .body("errors[0].message", containsString("tokens have been presented"));
    }

    @Test
    void graphiqlsIntrospectionQueryAndTheReadmeQueriesStayWithinTheLimits() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphql/introspection.graphql")) {
            String introspection = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            graphql(introspection).body("errors", nullValue()).body("data.__schema.queryType.name", equalTo("Query"));
        }
    }

    private static void refused(String query, String message) {
        refusedAs(graphql(query), message);
    }

    private static void refusedAs(io.restassured.response.ValidatableResponse response, String message) {
        response.body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString(message));
    }
}
