package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 5. With an exporter endpoint configured, every vendor HTTP attempt is one CLIENT span named
 * after the endpoint and carrying the vendor, the endpoint and the HTTP status the vendor answered, inside a span of
 * the logical vendor call (vendor, endpoint, outcome, retry count), inside the trace of the GraphQL operation's span.
 * The expected calls are WireMock's own record of what it served, so the test does not depend on how many calls a
 * query needs.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class UpstreamTracingTest extends WireMockGraphQLTest {

    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("aiusage.vendor");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("aiusage.endpoint");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("aiusage.outcome");
    static final AttributeKey<Long> RETRIES = AttributeKey.longKey("aiusage.retries");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void everyVendorCallIsOneSpanWithVendorEndpointAndStatus() throws InterruptedException {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/teams").atPriority(1).willReturn(json(503, "{}")));
        spans.reset();

        graphql("{ people { totalCount } teams { id } }")
                .body("data.people.totalCount", equalTo(7))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"));

        List<String> served = Stream.concat(served(mocks.windsurf(), "windsurf"), served(mocks.tabnine(), "tabnine"))
                .sorted().toList();
        List<SpanData> calls = clientSpans(served.size());
        List<String> traced = calls.stream()
                .map(span -> span.getAttributes().get(VENDOR) + " " + span.getAttributes().get(STATUS))
                .sorted().toList();
        assertEquals(served, traced, "one span per vendor call, with the vendor and the status it answered");
        assertTrue(served.contains("tabnine 503"), "the failing call is traced with its status");
        calls.forEach(span -> assertTrue(span.getName().matches("(GET|POST) /api/.+"), "named after the endpoint: "
                + span.getName()));

        SpanData operation = spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("GraphQL"))
                .findFirst().orElseThrow(() -> new AssertionError("no GraphQL operation span"));
        calls.forEach(span -> assertEquals(operation.getTraceId(), span.getTraceId(),
                span.getName() + " belongs to the operation's trace"));
        for (SpanData attempt : calls) {
            SpanData call = parent(attempt);
            assertEquals(SpanKind.INTERNAL, call.getKind(), attempt.getName() + " is inside a logical vendor call");
            assertEquals(attempt.getAttributes().get(VENDOR), call.getAttributes().get(VENDOR));
            assertEquals(call.getAttributes().get(ENDPOINT), attempt.getAttributes().get(ENDPOINT),
                    "the attempt names the endpoint of its call");
            assertTrue(call.getAttributes().get(ENDPOINT) != null && call.getAttributes().get(OUTCOME) != null
                    && call.getAttributes().get(RETRIES) != null, () -> "endpoint, outcome and retries: " + call);
        }
        assertTrue(calls.stream().map(this::parent).anyMatch(call -> "VENDOR_UNAVAILABLE".equals(
                call.getAttributes().get(OUTCOME)) && "organization-teams".equals(call.getAttributes().get(ENDPOINT))),
                "the failed call's span says how it ended");
    }

    /**
     * A call that failed once with 503 and then succeeded is one logical span, with one retry, around two attempt
     * spans: the 503 and the 200.
     */
    @Test
    void aRetriedCallIsOneSpanWithItsRetryCountAroundOneSpanPerAttempt() throws InterruptedException {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/teams").atPriority(1).inScenario("teams")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(503, "{}")).willSetStateTo("recovered"));
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/teams").atPriority(1).inScenario("teams")
                .whenScenarioStateIs("recovered").willReturn(fixture("tabnine/teams.json", today)));
        spans.reset();

        graphql("{ teams { id } }").body("errors", nullValue());

        List<SpanData> attempts = clientSpans(2).stream()
                .filter(span -> "organization-teams".equals(span.getAttributes().get(ENDPOINT))).toList();
        assertEquals(2, attempts.size(), () -> "one span per attempt: " + attempts);
        SpanData call = parent(attempts.getFirst());
        assertEquals(call.getSpanId(), parent(attempts.getLast()).getSpanId(), "both attempts are one call");
        assertEquals("tabnine", call.getAttributes().get(VENDOR));
        assertEquals(1L, call.getAttributes().get(RETRIES));
        assertEquals("SUCCESS", call.getAttributes().get(OUTCOME));
        assertEquals(List.of(200L, 503L), attempts.stream().map(span -> span.getAttributes().get(STATUS)).sorted()
                .toList());
        assertEquals(1, spans.getFinishedSpanItems().stream()
                .filter(span -> "organization-teams".equals(span.getAttributes().get(ENDPOINT))
                        && span.getKind() == SpanKind.INTERNAL).count(), "one logical span for the call");
    }

    /** The span {@code span} is a child of, once exported (a parent ends, and is exported, after its children). */
    private SpanData parent(SpanData span) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<SpanData> parent = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst();
            if (parent.isPresent()) {
                return parent.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no parent span for " + span.getName());
    }

    /** "vendor status" for every request the mock answered. */
    private static Stream<String> served(WireMockServer server, String vendor) {
        return server.getAllServeEvents().stream().map(event -> vendor + " " + event.getResponse().getStatus());
    }

    /** The CLIENT spans, once at least {@code expected} have been exported (batches leave every few milliseconds). */
    private List<SpanData> clientSpans(int expected) throws InterruptedException {
        List<SpanData> client = new ArrayList<>();
        for (int attempt = 0; attempt < 200 && client.size() < expected; attempt++) {
            Thread.sleep(50);
            client = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
        }
        return client;
    }
}
