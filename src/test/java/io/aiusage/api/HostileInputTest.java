package io.aiusage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Issue 11, acceptance 3: every request of the hostile corpus ({@code src/test/resources/hostile/requests.json}: nested
 * and wide queries, alias bombs, huge documents, batches, unknown fields, wrong variable types, bad windows, cursors,
 * injection strings and control characters, non-JSON bodies, wrong content types and methods) gets a clean answer:
 * 200 or 4xx, never 5xx, a JSON body with GraphQL errors (or, for harmless strings, an answer), and nothing that
 * betrays the implementation: no "Exception", no stack frame, no Java class name, no credential, no vendor text.
 * Entries: {@code json} (a request object), {@code raw} (the body as is) or {@code repeat} (prefix + text x times +
 * suffix, {@code %d} numbered), {@code method} (POST), {@code contentType} (application/json; null: none),
 * {@code params} (a GET's query string), {@code accept} (an Accept header), {@code expect} ({@code errors}, or {@code answer}: 200 with data).
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class HostileInputTest extends WireMockGraphQLTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A package-qualified Java type such as java.lang.String or io.aiusage.api.ApiError. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final List<String> NEVER = List.of("Exception", "at io.", "\tat ", VendorsWireMock.WINDSURF_KEY,
            VendorsWireMock.TABNINE_TOKEN, GraphQLRequests.VENDOR_ERROR_TEXT);

    static List<JsonNode> corpus() throws IOException {
        try (InputStream in = HostileInputTest.class.getClassLoader().getResourceAsStream("hostile/requests.json")) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false).toList();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void aHostileRequestGetsACleanGraphQLAnswer(JsonNode entry) throws Exception {
        HttpResponse<String> response = HTTP.send(request(entry), HttpResponse.BodyHandlers.ofString());
        String name = entry.get("name").asText();
        String body = response.body();
        String where = name + " -> " + response.statusCode() + " " + body;

        assertTrue(response.statusCode() == 200 || response.statusCode() >= 400 && response.statusCode() < 500, where);
        for (String never : NEVER) {
            assertFalse(body.contains(never), () -> "contains \"" + never + "\": " + where);
        }
        assertFalse(CLASS_NAME.matcher(body).find(), () -> "names a Java class: " + where);
        JsonNode answer = JSON.readTree(body);
        if ("answer".equals(entry.path("expect").asText("errors"))) {
            assertEquals(200, response.statusCode(), where);
            assertTrue(answer.has("data") && !answer.get("data").isNull(), where);
        } else {
            assertTrue(answer.path("errors").isArray() && !answer.path("errors").isEmpty(), where);
            answer.get("errors").forEach(error -> assertFalse(error.path("message").asText().isBlank(), where));
        }
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastFortyRequests() throws IOException {
        assertTrue(corpus().size() >= 40);
    }

    private static HttpRequest request(JsonNode entry) throws IOException {
        String method = entry.path("method").asText("POST");
        String base = "http://localhost:" + RestAssured.port + "/graphql";
        if (entry.has("params")) {
            Map<String, String> params = JSON.convertValue(entry.get("params"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            base += "?" + params.entrySet().stream()
                    .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base));
        if (entry.has("accept")) {
            request.header("Accept", entry.get("accept").asText());
        }
        JsonNode type = entry.get("contentType");
        if (type == null) {
            request.header("Content-Type", "application/json");
        } else if (!type.isNull()) {
            request.header("Content-Type", type.asText());
        }
        byte[] body = body(entry);
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] body(JsonNode entry) {
        try {
            if (entry.has("json")) {
                return JSON.writeValueAsBytes(entry.get("json"));
            }
            if (entry.has("raw")) {
                return entry.get("raw").asText().getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entry.has("repeat")) {
            JsonNode repeat = entry.get("repeat");
            String text = repeat.get("text").asText();
            String middle = IntStream.range(0, repeat.get("times").asInt())
                    .mapToObj(i -> repeat.path("numbered").asBoolean() ? text.formatted(i) : text)
                    .collect(Collectors.joining());
            return (repeat.get("prefix").asText() + middle + repeat.get("suffix").asText())
                    .getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
