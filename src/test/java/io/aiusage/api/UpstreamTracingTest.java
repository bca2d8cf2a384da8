package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With an exporter endpoint configured, every vendor call is one CLIENT span named after the endpoint and carrying
 * the vendor and the HTTP status the vendor answered, inside the trace of the GraphQL operation's span. The expected
 * calls are WireMock's own record of what it served, so the test does not depend on how many calls a query needs.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class UpstreamTracingTest extends WireMockGraphQLTest {

    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("aiusage.vendor");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

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
