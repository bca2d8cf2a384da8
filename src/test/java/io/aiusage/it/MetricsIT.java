package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aiusage.api.PrometheusScrape;
import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@code /q/metrics} of the packaged application after questions about people, with no e-mail in any label. */
@QuarkusIntegrationTest
class MetricsIT {

    private List<PrometheusScrape.Sample> samples;

    @BeforeEach
    void askAboutPeopleThenScrape() {
        given().contentType("application/json")
                .body(Map.of("query", "{ vendors { vendor } people(first: 5) { nodes { email } } }"))
                .post("/graphql").then().statusCode(200);
        samples = PrometheusScrape.samples(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void graphqlOperationsAndVendorCallsAreMeasured() {
        assertTrue(PrometheusScrape.has(samples, "mp_graphql_seconds_count", Map.of("name", "people")));
        assertTrue(PrometheusScrape.has(samples, "http_server_requests_seconds_count", Map.of("uri", "/graphql")));
        for (String vendor : List.of("windsurf", "tabnine")) {
            assertTrue(PrometheusScrape.has(samples, "http_client_requests_seconds_count", Map.of("clientName", vendor)),
                    vendor + " calls are measured");
        }
    }

    @Test
    void noLabelCarriesAnEmailOrACredential() {
        for (PrometheusScrape.Sample sample : samples) {
            sample.labels().values().forEach(value -> assertFalse(value.contains("@")
                    || value.contains(DemoConfig.WINDSURF_SERVICE_KEY) || value.contains(DemoConfig.TABNINE_TOKEN),
                    sample.name() + " carries " + value));
        }
    }
}
