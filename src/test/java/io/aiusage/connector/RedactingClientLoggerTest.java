package io.aiusage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class RedactingClientLoggerTest {

    @Test
    void serviceKeyValuesAreMaskedAndEverythingElseKept() {
        assertEquals("{\"service_key\":\"<redacted>\",\"group_name\":\"eng\"}",
                RedactingClientLogger.redactBody("{\"service_key\":\"sk-123\",\"group_name\":\"eng\"}", 0));
        assertEquals("{ \"service_key\" : \"<redacted>\" }",
                RedactingClientLogger.redactBody("{ \"service_key\" : \"sk-1\" }", 0));
    }

    @Test
    void escapedQuotesInsideTheKeyDoNotEndTheMask() {
        assertEquals("{\"service_key\":\"<redacted>\",\"x\":1}",
                RedactingClientLogger.redactBody("{\"service_key\":\"a\\\"b-secret\",\"x\":1}", 0));
    }

    @Test
    void aBodyCutByTheLogLimitShowsNoPartOfTheKey() {
        String body = "{\"group_name\":\"eng\",\"service_key\":\"sk-0123456789abcdef\"}";

        assertEquals("{\"group_name\":\"eng\",\"service_key\":\"<re", RedactingClientLogger.redactBody(body, 38));
    }

    @Test
    void anUnterminatedKeyIsMaskedToTheEnd() {
        assertEquals("{\"service_key\":\"<redacted>", RedactingClientLogger.redactBody("{\"service_key\":\"sk-01", 0));
    }

    @Test
    void authorizationHeadersAreMaskedWhateverTheirCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("authorization", "Bearer tabnine-token")
                .add("Proxy-Authorization", "Basic dXNlcjpwYXNz")
                .add("Content-Type", "application/json");

        assertEquals("authorization=<redacted> Proxy-Authorization=<redacted> Content-Type=application/json",
                RedactingClientLogger.redactHeaders(headers));
    }
}
