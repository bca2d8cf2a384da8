package io.aiusage.connector.windsurf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.connector.windsurf.WindsurfWireMock.SERVICE_KEY;
import static io.aiusage.connector.windsurf.WindsurfWireMock.json;
import static io.aiusage.connector.windsurf.WindsurfWireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every Windsurf failure maps to one exception of the shared family, with a message that carries neither the vendor's
 * body nor the service key.
 */
@QuarkusTest
@TestProfile(WindsurfWireMockProfile.class)
class WindsurfErrorsTest {

    private static final TimeWindow DAY = TimeWindow.of(Instant.parse("2025-05-01T00:00:00Z"),
            Instant.parse("2025-05-02T00:00:00Z"));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    WindsurfConnector connector;

    @Inject
    VendorActivity activity;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void invalidServiceKeyIsAnAuthFailureThatSaysWhatToCheck() {
        VendorException e = pingFails(error(401, "Invalid service key"));

        assertInstanceOf(VendorException.AuthFailed.class, e);
        assertEquals("Windsurf rejected the service key (check WINDSURF_SERVICE_KEY and its permissions)",
                e.getMessage());
        assertClean(e, "Invalid service key");
    }

    @Test
    void insufficientPermissionsIsAnAuthFailureWhateverTheStatus() {
        assertInstanceOf(VendorException.AuthFailed.class, pingFails(error(400, "Insufficient permissions")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void unauthorizedAndForbiddenWithoutADocumentedMessageAreAuthFailures(int status) {
        assertInstanceOf(VendorException.AuthFailed.class, pingFails(aResponse().withStatus(status)));
    }

    @Test
    void anErrorInsideA200AnswerIsAFailureNotAFetch() {
        Instant lastFetched = activity.lastFetchedAt(Vendor.WINDSURF);

        VendorException e = pingFails(json(200, "{\"error\": \"Insufficient permissions\"}"));

        assertInstanceOf(VendorException.AuthFailed.class, e);
        assertEquals(lastFetched, activity.lastFetchedAt(Vendor.WINDSURF));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSecondsAndRecordsTheBackOff() {
        Instant before = Instant.now();
        VendorException e = pingFails(error(429, "429 Too Many Requests").withHeader("Retry-After", "30"));

        VendorException.RateLimited limited = assertInstanceOf(VendorException.RateLimited.class, e);
        assertEquals(Duration.ofSeconds(30), limited.retryAfter());
        Instant until = activity.rateLimitedUntil(Vendor.WINDSURF, before);
        assertFalse(until.isBefore(before.plusSeconds(30)));
        assertTrue(until.isBefore(Instant.now().plusSeconds(31)));
        assertClean(e, "429 Too Many Requests");
        // beyond the Retry-After cap: failed at once, no retry
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics")));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAsAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));

        VendorException e = pingFails(aResponse().withStatus(429).withHeader("Retry-After", inTwoMinutes));

        Duration wait = assertInstanceOf(VendorException.RateLimited.class, e).retryAfter();
        assertTrue(wait.compareTo(Duration.ofSeconds(115)) > 0 && wait.compareTo(Duration.ofSeconds(120)) <= 0,
                wait::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void serverErrorsMeanUnavailable(int status) {
        VendorException e = pingFails(error(status, "upstream exploded: stack trace here"));

        assertInstanceOf(VendorException.Unavailable.class, e);
        assertClean(e, "upstream exploded");
        // 502, 503 and 504 are retried (twice, by default); a 500 is not
        wireMock.verify(status == 500 ? 1 : 3, postRequestedFor(urlEqualTo("/api/v1/UserPageAnalytics")));
    }

    @Test
    void aDroppedConnectionMeansUnavailable() {
        assertInstanceOf(VendorException.Unavailable.class,
                pingFails(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutMeansUnavailable() {
        VendorException e = pingFails(json(200, "{\"userTableStats\": []}").withFixedDelay(4000));

        assertInstanceOf(VendorException.Unavailable.class, e);
    }

    @Test
    void invalidJsonIsABadResponse() {
        VendorException e = pingFails(json(200, "{\"userTableStats\": [{\"email\": \"a@x.io\""));

        assertInstanceOf(VendorException.BadResponse.class, e);
        assertEquals("Windsurf sent a response that could not be read", e.getMessage());
    }

    @Test
    void aUserWithoutEmailIsABadResponse() {
        assertInstanceOf(VendorException.BadResponse.class,
                pingFails(json(200, "{\"userTableStats\": [{\"name\": \"Nobody\", \"apiKey\": \"k\"}]}")));
    }

    @Test
    void analyticsRowsWithoutTheirDateOrWithMissingResultsAreBadResponses() {
        wireMock.stubFor(post("CascadeAnalytics").willReturn(json(200, "{\"queryResults\": []}")));
        wireMock.stubFor(post("Analytics").willReturn(json(200,
                "{\"queryResults\": [{\"responseItems\": [{\"item\": {\"api_key\": \"k\"}}]}, {}]}")));
        assertThrows(VendorException.BadResponse.class, () -> connector.usage(DAY, Granularity.DAY, null));

        wireMock.stubFor(post("Analytics").willReturn(json(200, "{\"queryResults\": [{}]}")));
        assertThrows(VendorException.BadResponse.class, () -> connector.usage(DAY, Granularity.DAY, null));

        wireMock.stubFor(post("Analytics").willReturn(json(200, "{}")));
        assertThrows(VendorException.BadResponse.class, () -> connector.usage(DAY, Granularity.DAY, null));
    }

    @Test
    void anUnknownGroupIsNotFoundNamingTheGroup() {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(error(400, "invalid group name: data-scence")));

        VendorException e = assertThrows(VendorException.NotFound.class, () -> connector.teamMembers("data-scence"));

        assertEquals("Windsurf has no group named 'data-scence'", e.getMessage());
    }

    @Test
    void anInvalidTimestampIsAnInvalidArgument() {
        wireMock.stubFor(post("Analytics").willReturn(error(400, "invalid timestamp format")));

        VendorException e = assertThrows(VendorException.InvalidArgument.class,
                () -> connector.usage(DAY, Granularity.DAY, null));

        assertEquals("Windsurf rejected a timestamp of the time window", e.getMessage());
    }

    @Test
    void otherValidationMessagesAreInvalidArgumentsWithoutTheVendorText() {
        wireMock.stubFor(post("Analytics").willReturn(error(400,
                "all selection fields should have an aggregation function, or none of them should")));

        VendorException e = assertThrows(VendorException.InvalidArgument.class,
                () -> connector.usage(DAY, Granularity.DAY, null));

        assertClean(e, "aggregation function");
    }

    private VendorException pingFails(ResponseDefinitionBuilder answer) {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(answer));
        return assertThrows(VendorException.class, connector::ping);
    }

    private static ResponseDefinitionBuilder error(int status, String message) {
        return json(status, "{\"error\": \"" + message + "\"}");
    }

    /** Client-facing: neither the vendor's text nor the service key. */
    private static void assertClean(VendorException e, String vendorText) {
        assertFalse(e.getMessage().contains(vendorText), e.getMessage());
        assertFalse(e.getMessage().contains(SERVICE_KEY), e.getMessage());
    }
}
