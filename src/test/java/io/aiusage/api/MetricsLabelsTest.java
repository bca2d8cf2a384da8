package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.PrometheusScrape.increase;
import static io.aiusage.api.PrometheusScrape.with;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 2. After questions about people, a person and a window, {@code /q/metrics} has GraphQL
 * operations by name with latency buckets, HTTP server requests, vendor HTTP attempts by vendor, endpoint and status,
 * and our per-vendor call, retry, budget, breaker and cache metrics with their labels; and no label, anywhere in the
 * scrape, carries an e-mail, a credential, an id or the asked window. Counts are compared before and after, since the
 * application serves other tests of the same profile too.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class MetricsLabelsTest extends WireMockGraphQLTest {

    /** Metric names of ours, SmallRye Fault Tolerance's, Caffeine's, GraphQL's and the HTTP ones, as scraped. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b(aiusage|ft|cache|mp_graphql|http_client_requests|http_server_requests)_[a-z_]*[a-z]\\b");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void operationsUpstreamCallsAndServerRequestsAreMeasured() {
        askAboutPeopleAndAWindow();
        List<PrometheusScrape.Sample> samples = PrometheusScrape.scrape();

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

    /**
     * Tabnine's team list fails once with 503 and is then served: one logical call, one retry, one cache miss and
     * load; asked again, one cache hit and no vendor call. The breaker, budget and hold-back series are there for
     * both vendors, with SmallRye Fault Tolerance's and Caffeine's own.
     */
    @Test
    void vendorCallsRetriesBreakersBudgetsAndCacheArePerVendorWithTheirLabels() {
        teamsFailOnceThenAreServed();
        Map<String, String> teamsCall = Map.of("vendor", "tabnine", "endpoint", "organization-teams");
        Map<String, String> teamsData = Map.of("vendor", "tabnine", "dataset", "teams");
        List<PrometheusScrape.Sample> before = PrometheusScrape.scrape();

        graphql("{ teams { id } }").body("errors", nullValue());
        graphql("{ teams { id } }").body("errors", nullValue());
        List<PrometheusScrape.Sample> after = PrometheusScrape.scrape();

        assertEquals(1, increase(before, after, "aiusage_vendor_calls_seconds_count", with(teamsCall,
                "outcome", "SUCCESS")), "one logical call, its retry included");
        assertTrue(PrometheusScrape.has(after, "aiusage_vendor_calls_seconds_bucket", with(teamsCall, "le", "0.1")),
                "logical calls have latency buckets");
        assertEquals(1, increase(before, after, "aiusage_vendor_retries_total", with(teamsCall,
                "reason", "VENDOR_UNAVAILABLE")), "one retry, of a vendor failure");
        assertEquals(1, increase(before, after, "ft_retry_retries_total", Map.of("method", "tabnine retry")),
                "SmallRye Fault Tolerance counts the retry under the vendor's guard");
        assertEquals(1, increase(before, after, "http_client_requests_seconds_count", Map.of("clientName",
                "tabnine", "uri", "/api/v1/organization/teams", "status", "503")), "the failed attempt");
        assertEquals(1, increase(before, after, "aiusage_cache_requests_total", with(teamsData, "result", "miss")));
        assertEquals(1, increase(before, after, "aiusage_cache_requests_total", with(teamsData, "result", "hit")));
        assertTrue(PrometheusScrape.has(after, "aiusage_cache_requests_total", with(teamsData, "result", "stale")),
                "stale serves are counted from zero");
        assertEquals(1, increase(before, after, "aiusage_cache_loads_seconds_count", with(teamsData,
                "result", "success")), "one load filled the entry");
        assertTrue(PrometheusScrape.has(after, "cache_evictions_total", Map.of("cache", "vendor-data")),
                "Caffeine's own statistics for the in-process store");
        assertTrue(PrometheusScrape.has(after, "ft_circuitbreaker_state_current",
                Map.of("method", "tabnine circuit breaker", "state", "closed")));
        for (String vendor : List.of("windsurf", "tabnine")) {
            assertEquals(1, PrometheusScrape.value(after, "aiusage_vendor_breaker_state",
                    Map.of("vendor", vendor, "state", "closed")), vendor + "'s breaker is closed");
            assertEquals(0, PrometheusScrape.value(after, "aiusage_vendor_breaker_state",
                    Map.of("vendor", vendor, "state", "open")));
            for (String reason : List.of("budget", "retry_after", "breaker_open")) {
                assertTrue(PrometheusScrape.has(after, "aiusage_vendor_rejections_total",
                        Map.of("vendor", vendor, "reason", reason)), vendor + " rejections for " + reason);
            }
            for (String reason : List.of("budget", "retry_after")) {
                assertTrue(PrometheusScrape.has(after, "aiusage_vendor_waits_seconds_count",
                        Map.of("vendor", vendor, "reason", reason)), vendor + " waits for " + reason);
            }
        }
    }

    @Test
    void noLabelCarriesAnEmailACredentialAnIdOrTheWindow() {
        askAboutPeopleAndAWindow();
        graphql("{ team(id: \"" + SmallOrg.BACKEND + "\") { name } }");
        List<String> forbidden = List.of("@", VendorsWireMock.WINDSURF_KEY, VendorsWireMock.TABNINE_TOKEN,
                VendorsWireMock.TABNINE_ORG, SmallOrg.USAGE_FROM.substring(0, 10), SmallOrg.USAGE_TO.substring(0, 10),
                today.toString(), "T00:00", "engineering", "user:", "team:", "group:");
        List<PrometheusScrape.Sample> samples = PrometheusScrape.scrape();
        assertTrue(PrometheusScrape.has(samples, "aiusage_cache_requests_total", Map.of("dataset", "usage-v2")),
                "the scrape holds the cache's series");
        for (PrometheusScrape.Sample sample : samples) {
            sample.labels().forEach((name, value) -> {
                forbidden.forEach(text -> assertTrue(!value.contains(text),
                        () -> sample.name() + " label " + name + "=\"" + value + "\" carries " + text));
                assertTrue(!UUID.matcher(value).find(),
                        () -> sample.name() + " label " + name + "=\"" + value + "\" carries an id");
            });
        }
    }

    /**
     * README "Operating it" names only metrics that are in the scrape (each name in its Metrics section, the example
     * alerts included, is a sample or a histogram's base name), and names every {@code aiusage_*} metric there is.
     */
    @Test
    void theReadmeNamesEveryMetricOfOursAndOnlyMetricsThatExist() throws IOException {
        teamsFailOnceThenAreServed();
        graphql("{ teams { id } }").body("errors", nullValue());
        List<PrometheusScrape.Sample> samples = PrometheusScrape.scrape();
        Set<String> scraped = samples.stream().map(PrometheusScrape.Sample::name).collect(Collectors.toSet());
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Metrics"), readme.indexOf("### Tracing"));
        Set<String> named = new TreeSet<>();
        Matcher name = METRIC.matcher(section);
        while (name.find()) {
            named.add(name.group());
        }

        assertTrue(named.size() > 15, () -> "the README's metrics are found: " + named);
        for (String metric : named) {
            assertTrue(scraped.contains(metric) || scraped.contains(metric + "_count"),
                    () -> "README names " + metric + ", which /q/metrics does not have");
        }
        for (String metric : scraped) {
            String base = metric.replaceAll("_(count|sum|bucket|max)$", "");
            assertTrue(!metric.startsWith("aiusage_") || named.contains(metric) || named.contains(base),
                    () -> "/q/metrics has " + metric + ", which README \"Operating it\" does not list");
        }
    }

    /** Tabnine's team list answers 503 once, then the small organisation's teams. */
    private void teamsFailOnceThenAreServed() {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/teams").atPriority(1).inScenario("teams")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(503, "{}")).willSetStateTo("recovered"));
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/teams").atPriority(1).inScenario("teams")
                .whenScenarioStateIs("recovered").willReturn(fixture("tabnine/teams.json", today)));
    }

    private void askAboutPeopleAndAWindow() {
        graphql("{ people(search: \"alice@x.com\") { totalCount } person(email: \"Alice@X.com\") { usage(window: "
                + SmallOrg.lastWeek(today) + ") { vendor } } usage(window: " + SmallOrg.USAGE_WINDOW
                + ", granularity: TOTAL) { buckets { vendor } } }")
                .body("data.people.totalCount", equalTo(1));
    }
}
