package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * After questions about people, a person and a window, {@code /q/metrics} has GraphQL operations by name with
 * latency buckets, HTTP server requests and vendor calls by vendor, endpoint and status; and no label, anywhere in
 * the scrape, carries an e-mail, a credential or the asked window.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class MetricsLabelsTest extends WireMockGraphQLTest {

    @Test
    void operationsUpstreamCallsAndServerRequestsAreMeasured() {
        askAboutPeopleAndAWindow();
        List<PrometheusScrape.Sample> samples = PrometheusScrape.samples(scrape());

        for (String operation : List.of("people", "person", "usage")) {
            assertTrue(PrometheusScrape.has(samples, "mp_graphql_seconds_count",
                    Map.of("name", operation, "type", "QUERY", "source", "false")), operation + " is measured");
        }
        assertTrue(PrometheusScrape.has(samples, "mp_graphql_seconds_bucket", Map.of("name", "usage", "le", "0.1")),
                "GraphQL latency has histogram buckets");
        assertTrue(PrometheusScrape.has(samples, "http_server_requests_seconds_count",
                Map.of("uri", "/graphql", "method", "POST", "status", "200")), "HTTP server requests are measured");
        assertTrue(PrometheusScrape.has(samples, "http_client_requests_seconds_count",
                Map.of("clientName", "windsurf", "uri", "/api/v1/UserPageAnalytics", "status", "200")));
        assertTrue(PrometheusScrape.has(samples, "http_client_requests_seconds_count",
                Map.of("clientName", "tabnine", "uri", "/api/v1/organization/users", "status", "200")));
        assertTrue(PrometheusScrape.has(samples, "http_client_requests_seconds_bucket",
                Map.of("clientName", "tabnine", "le", "0.1")), "vendor call latency has histogram buckets");
    }

    @Test
    void noLabelCarriesAnEmailACredentialOrTheWindow() {
        askAboutPeopleAndAWindow();
        List<String> forbidden = List.of("@", VendorsWireMock.WINDSURF_KEY, VendorsWireMock.TABNINE_TOKEN,
                SmallOrg.USAGE_FROM.substring(0, 10), SmallOrg.USAGE_TO.substring(0, 10), "T00:00");
        for (PrometheusScrape.Sample sample : PrometheusScrape.samples(scrape())) {
            sample.labels().forEach((name, value) -> forbidden.forEach(text -> assertTrue(!value.contains(text),
                    () -> sample.name() + " label " + name + "=\"" + value + "\" carries " + text)));
        }
    }

    private void askAboutPeopleAndAWindow() {
        graphql("{ people(search: \"alice@x.com\") { totalCount } person(email: \"Alice@X.com\") { usage(window: "
                + SmallOrg.lastWeek(today) + ") { vendor } } usage(window: " + SmallOrg.USAGE_WINDOW
                + ", granularity: TOTAL) { buckets { vendor } } }")
                .body("data.people.totalCount", equalTo(1));
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
