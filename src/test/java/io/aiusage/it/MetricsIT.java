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

/**
 * {@code /q/metrics} of the packaged application after questions about people: GraphQL, HTTP, per-vendor call, breaker,
 * budget and cache metrics, with no e-mail or credential in any label.
 */
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
            assertTrue(PrometheusScrape.has(samples, "aiusage_vendor_calls_seconds_count", Map.of("vendor", vendor,
                    "outcome", "SUCCESS")), vendor + " logical calls are measured");
            assertTrue(PrometheusScrape.has(samples, "aiusage_vendor_breaker_state", Map.of("vendor", vendor,
                    "state", "closed")), vendor + "'s breaker state is there");
            assertTrue(PrometheusScrape.has(samples, "aiusage_vendor_rejections_total", Map.of("vendor", vendor,
                    "reason", "budget")), vendor + "'s budget refusals are counted from zero");
            assertTrue(PrometheusScrape.has(samples, "aiusage_cache_requests_total", Map.of("vendor", vendor)),
                    vendor + "'s cache is measured");
        }
        assertTrue(PrometheusScrape.has(samples, "ft_circuitbreaker_state_current",
                Map.of("method", "windsurf circuit breaker")), "SmallRye Fault Tolerance's own breaker gauge");
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
