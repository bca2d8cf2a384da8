package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Request matchers and answers in each vendor's wire format. A stub only matches a request carrying the right
 * credential, so a connector that forgot it gets WireMock's 404 rather than data.
 */
final class VendorStubs {

    /** {@code {{today}}}, {@code {{today-3}}}, {@code {{today+1}}}: UTC dates relative to the day a test runs. */
    private static final Pattern RELATIVE_DAY = Pattern.compile("\\{\\{today([+-]\\d+)?}}");

    private VendorStubs() {
    }

    /** A Windsurf {@code POST /api/v1/<endpoint>} whose body carries the service key. */
    static MappingBuilder windsurf(String endpoint) {
        return post(urlEqualTo("/api/v1/" + endpoint))
                .withRequestBody(matchingJsonPath("$.service_key", equalTo(VendorsWireMock.WINDSURF_KEY)));
    }

    /** A Tabnine {@code GET <path>} (any query) carrying the Bearer token. */
    static MappingBuilder tabnine(String path) {
        return get(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + VendorsWireMock.TABNINE_TOKEN));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A 200 answer with {@code src/test/resources/graphql/<fixture>}, its relative days resolved against today. */
    static ResponseDefinitionBuilder fixture(String fixture, LocalDate today) {
        return json(200, read(fixture, today));
    }

    /** Midnight UTC of {@code day}, the way both connectors send whole-day window ends. */
    static String midnight(LocalDate day) {
        return day + "T00:00:00Z";
    }

    static String read(String fixture, LocalDate today) {
        String text;
        try (InputStream in = VendorStubs.class.getResourceAsStream("/graphql/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = RELATIVE_DAY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long offset = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            m.appendReplacement(out, today.plusDays(offset).toString());
        }
        return m.appendTail(out).toString();
    }
}
