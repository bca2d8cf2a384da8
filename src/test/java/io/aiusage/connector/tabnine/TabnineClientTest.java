package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.aiusage.connector.tabnine.TabnineFixtures.ADA;
import static io.aiusage.connector.tabnine.TabnineFixtures.EVE;
import static io.aiusage.connector.tabnine.TabnineFixtures.ORG;
import static io.aiusage.connector.tabnine.TabnineFixtures.PLATFORM;
import static io.aiusage.connector.tabnine.TabnineFixtures.TOKEN;
import static io.aiusage.connector.tabnine.TabnineFixtures.error;
import static io.aiusage.connector.tabnine.TabnineFixtures.json;
import static io.aiusage.connector.tabnine.TabnineFixtures.jsonBody;
import static io.aiusage.connector.tabnine.TabnineFixtures.requested;
import static io.aiusage.connector.tabnine.TabnineFixtures.tabnineGet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.aiusage.connector.policy.VendorPolicies;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The Tabnine client against WireMock: paging, organization id, usage API version, and every error mapping. */
@QuarkusTest
@TestProfile(TabnineWireMockProfile.class)
class TabnineClientTest {

    private static final TimeWindow MARCH = TimeWindow.of(Instant.parse("2025-03-03T00:00:00Z"),
            Instant.parse("2025-03-07T00:00:00Z"));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    TabnineClient client;

    @Inject
    @RestClient
    TabnineRestClient rest;

    @Inject
    VendorActivity activity;

    @Inject
    VendorPolicies policies;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(tabnineGet("/api/v1/organization").willReturn(json("organization.json")));
    }

    /** A client with nothing remembered yet (organization id, usage API version). */
    private TabnineClient fresh(UsageApi usageApi, String organizationId) {
        return new TabnineClient(rest, TestTabnineConfig.of(usageApi, organizationId), activity, policies, mapper);
    }

    @Test
    void organizationIdIsReadOnceFromTheOrganizationWhenNotConfigured() {
        wireMock.stubFor(tabnineGet("/api/v2/organization/usage").withQueryParam("organizationId", equalTo(ORG))
                .willReturn(json("usage-v2-organization-daily.json")));
        TabnineClient tabnine = fresh(UsageApi.V2, null);

        tabnine.usage(UsageApi.V2, Scope.ORGANIZATION, null, MARCH, Granularity.DAY);
        tabnine.usage(UsageApi.V2, Scope.ORGANIZATION, null, MARCH, Granularity.DAY);

        assertEquals(ORG, tabnine.organizationId());
        wireMock.verify(1, requested("/api/v1/organization"));
        wireMock.verify(2, requested("/api/v2/organization/usage").withQueryParam("organizationId", equalTo(ORG)));
    }

    @Test
    void configuredOrganizationIdIsUsedWithoutAskingTabnine() {
        wireMock.stubFor(tabnineGet("/api/v2/organization/usage")
                .withQueryParam("organizationId", equalTo("configured-org"))
                .willReturn(json("usage-v2-organization-daily.json")));

        fresh(UsageApi.V2, "configured-org").usage(UsageApi.V2, Scope.ORGANIZATION, null, MARCH, Granularity.DAY);

        wireMock.verify(0, requested("/api/v1/organization"));
    }

    @Test
    void listsAreReadToTheEndByFollowingMetaNext() {
        for (int page = 1; page <= 3; page++) {
            wireMock.stubFor(tabnineGet("/api/v1/organization/users")
                    .withQueryParam("offset", equalTo(String.valueOf(2 * (page - 1))))
                    .withQueryParam("limit", equalTo("2"))
                    .willReturn(json("users-page-" + page + ".json")));
        }

        List<TabnineWire.User> users = client.organizationUsers();

        assertEquals(List.of("Ada Lovelace", "Bob Builder", "Cara Pending", "Dan Gone", "Eve Never"),
                users.stream().map(TabnineWire.User::username).toList());
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), users.get(3).deactivatedAt());
        assertEquals(PLATFORM, users.get(0).team().id());
        assertNull(users.get(1).team());
        wireMock.verify(3, requested("/api/v1/organization/users"));
    }

    @Test
    void aVendorThatNeverStopsPagingIsABadResponseAtTheCap() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").willReturn(json("teams-page-1.json")));

        VendorException.BadResponse e = assertThrows(VendorException.BadResponse.class, client::teams);

        assertTrue(e.getMessage().startsWith("Tabnine kept returning pages beyond 3;"), e.getMessage());
        wireMock.verify(3, requested("/api/v1/organization/teams"));
    }

    @Test
    void v1UsageIsAskedWithTheDocumentedParametersForEveryScope() {
        for (String scope : List.of("organization", "team", "user")) {
            MappingBuilder request = tabnineGet("/api/v1/" + scope + "/usage")
                    .withQueryParam("organizationId", equalTo(ORG))
                    .withQueryParam("from", equalTo("2024-01-01T00:00:00Z"))
                    .withQueryParam("to", equalTo("2024-03-01T00:00:00Z"))
                    .withQueryParam("granularity", equalTo("monthly"));
            if (!scope.equals("organization")) {
                request = request.withQueryParam(scope + "Id", equalTo(scope.equals("team") ? PLATFORM : ADA));
            }
            wireMock.stubFor(request.willReturn(json("usage-v1-organization-monthly.json")));
        }
        TabnineClient tabnine = fresh(UsageApi.V1, ORG);
        TimeWindow window = TimeWindow.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));

        TabnineClient.UsageAnswer organization = tabnine.usage(UsageApi.V1, Scope.ORGANIZATION, null, window,
                Granularity.MONTH);
        tabnine.usage(UsageApi.V1, Scope.TEAM, PLATFORM, window, Granularity.MONTH);
        tabnine.usage(UsageApi.V1, Scope.USER, ADA, window, Granularity.MONTH);

        assertEquals(30L, organization.buckets().getFirst().activeUsers());
        assertEquals(new UsageFigures(5000L, 6100L, 250L, 40L, 610L, null, null, null, null),
                TabnineFacts.figures(organization.buckets().getFirst(), organization.api()));
        assertEquals(210L, TabnineFacts.figures(organization.buckets().get(1), organization.api()).chatMessages());
        wireMock.verify(0, getRequestedFor(urlPathMatching("/api/v2/.*")));
    }

    @Test
    void unauthorizedAndForbiddenAreAuthFailures() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").willReturn(error(401, "UNAUTHORIZED", "r-401")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/users").willReturn(error(403, "FORBIDDEN", "r-403")));

        assertClean(assertThrows(VendorException.AuthFailed.class, client::teams));
        assertClean(assertThrows(VendorException.AuthFailed.class, client::organizationUsers));
    }

    @Test
    void aMissingTeamOrUserIsNotFoundNamingIt() {
        wireMock.stubFor(get(anyUrl()).willReturn(error(404, "NOT_FOUND", "r-404")));

        assertMessage(VendorException.NotFound.class, "Tabnine team " + PLATFORM + " was not found",
                () -> client.teamUsers(PLATFORM));
        assertMessage(VendorException.NotFound.class, "Tabnine team " + PLATFORM + " was not found",
                () -> client.teamUtilization(PLATFORM));
        assertMessage(VendorException.NotFound.class, "Tabnine user " + EVE + " was not found",
                () -> client.user(EVE));
        assertMessage(VendorException.NotFound.class, "Tabnine user " + EVE + " was not found",
                () -> client.usage(UsageApi.V2, Scope.USER, EVE, MARCH, Granularity.DAY));
    }

    @Test
    void rateLimitingCarriesRetryAfterInSecondsAndIsRecorded() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams")
                .willReturn(error(429, "TOO_MANY_REQUESTS", "r-429").withHeader("Retry-After", "30")));
        Instant before = Instant.now();

        VendorException.RateLimited e = assertThrows(VendorException.RateLimited.class, client::teams);

        assertEquals(Duration.ofSeconds(30), e.retryAfter());
        Instant until = activity.rateLimitedUntil(Vendor.TABNINE, before);
        assertTrue(!until.isBefore(before.plusSeconds(30)) && until.isBefore(before.plusSeconds(35)), "" + until);
        assertClean(e);
        // beyond the Retry-After cap: failed at once, no retry
        wireMock.verify(1, requested("/api/v1/organization/teams"));
    }

    @Test
    void rateLimitingReadsRetryAfterAsAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams")
                .willReturn(error(429, "TOO_MANY_REQUESTS", "r-429").withHeader("Retry-After", inTwoMinutes)));

        Duration wait = assertThrows(VendorException.RateLimited.class, client::teams).retryAfter();

        assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0 && wait.compareTo(Duration.ofSeconds(121)) < 0,
                "" + wait);
    }

    @Test
    void serverErrorsConnectionFailuresAndTimeoutsAreUnavailable() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").willReturn(error(503, "UNAVAILABLE", "r-503")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/users")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wireMock.stubFor(tabnineGet("/api/v1/team/" + PLATFORM)
                .willReturn(json("team.json").withFixedDelay(2500)));

        assertClean(assertThrows(VendorException.Unavailable.class, client::teams));
        assertClean(assertThrows(VendorException.Unavailable.class, client::organizationUsers));
        assertClean(assertThrows(VendorException.Unavailable.class, () -> client.team(PLATFORM)));
        // each is retried twice by the default policy
        wireMock.verify(3, requested("/api/v1/organization/teams"));
        wireMock.verify(3, requested("/api/v1/organization/users"));
        wireMock.verify(3, requested("/api/v1/team/" + PLATFORM));
    }

    @Test
    void invalidJsonIsABadResponse() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").willReturn(jsonBody(200, "{\"data\": [{\"id\": ")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/users").willReturn(jsonBody(200, "{\"data\": \"ada\"}")));

        assertClean(assertThrows(VendorException.BadResponse.class, client::teams));
        assertClean(assertThrows(VendorException.BadResponse.class, client::organizationUsers));
    }

    @Test
    void agentUsageWithoutTheLicenceIsNotLicensedRatherThanAnError() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/agent-usage").willReturn(jsonBody(403, """
                {"error": "FEATURE_NOT_AVAILABLE",
                 "message": "The Agent feature is not included in your account's license."}""")));
        wireMock.stubFor(tabnineGet("/api/v1/team/agent-usage").willReturn(error(403, "FORBIDDEN", "r-403")));

        AgentUsage usage = client.agentUsage(Scope.ORGANIZATION, null, MARCH, Granularity.DAY);

        assertFalse(usage.licensed());
        assertTrue(usage.points().isEmpty());
        assertThrows(VendorException.AuthFailed.class,
                () -> client.agentUsage(Scope.TEAM, PLATFORM, MARCH, Granularity.DAY));
    }

    @Test
    void theTokenAppearsInNoLogLineEvenAtDebug() {
        wireMock.stubFor(tabnineGet("/api/v1/organization/teams").willReturn(error(401, "UNAUTHORIZED", "req-7731")));
        wireMock.stubFor(tabnineGet("/api/v1/organization/users").willReturn(error(500, "INTERNAL", "req-7732")));
        wireMock.stubFor(tabnineGet("/api/v2/user/usage").willReturn(jsonBody(200, "not json " + TOKEN)));
        wireMock.stubFor(tabnineGet("/api/v1/user/" + EVE).willReturn(error(404, "NOT_FOUND", "req-7733")));
        List<String> lines = new ArrayList<>();
        PatternFormatter messageAndStackTrace = new PatternFormatter("%s%e");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(messageAndStackTrace.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        List<Logger> debugLoggers = List.of("io.aiusage", "io.quarkus", "org.jboss.resteasy", "io.vertx").stream()
                .map(Logger::getLogger).toList();
        List<Level> previous = debugLoggers.stream().map(Logger::getLevel).toList();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        debugLoggers.forEach(l -> l.setLevel(Level.FINE));
        try {
            assertThrows(VendorException.AuthFailed.class, client::teams);
            assertThrows(VendorException.Unavailable.class, client::organizationUsers);
            assertThrows(VendorException.BadResponse.class,
                    () -> client.usage(UsageApi.V2, Scope.USER, ADA, MARCH, Granularity.DAY));
            assertThrows(VendorException.NotFound.class, () -> client.user(EVE));
        } finally {
            root.removeHandler(capture);
            for (int i = 0; i < debugLoggers.size(); i++) {
                debugLoggers.get(i).setLevel(previous.get(i));
            }
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains("req-7731")), "the 401 is logged with its requestId");
        assertTrue(lines.stream().anyMatch(l -> l.contains("req-7732")), "the 500 is logged with its requestId");
        assertTrue(lines.stream().anyMatch(l -> l.contains("req-7733")), "DEBUG lines are captured too (the 404)");
        assertTrue(lines.stream().anyMatch(l -> l.contains("Authorization=<redacted>")),
                "REST client traffic is logged, with the Authorization header masked:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains(TOKEN)), String.join("\n", lines));
    }

    private static <E extends VendorException> void assertMessage(Class<E> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    /** Client-facing: no token, no vendor body. */
    private static void assertClean(VendorException e) {
        assertEquals(Vendor.TABNINE, e.vendor());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.getMessage().contains("Tabnine says"), e.getMessage());
        assertFalse(e.getMessage().contains("{"), e.getMessage());
    }
}
