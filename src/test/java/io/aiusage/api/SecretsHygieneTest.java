package io.aiusage.api;

import static io.aiusage.api.SecuredRequests.post;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aiusage.config.TabnineConfig;
import io.aiusage.config.WindsurfConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 11, acceptance 4 and build point 5: with every logger at DEBUG and REST client traffic logged with bodies
 * ({@link SecuredProfile}), succeeding and failing vendor calls (one vendor echoing the credential back) leave
 * neither credential in the logs, the GraphQL answers or {@code /q/metrics}; configuration holding them prints
 * without them, and application.properties holds none (they come from the environment or a Secret).
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class SecretsHygieneTest extends WireMockGraphQLTest {

    private static final List<String> SECRETS = List.of(VendorsWireMock.WINDSURF_KEY, VendorsWireMock.TABNINE_TOKEN);
    private static final String QUERY = "{ seats { utilization { vendor assigned } } people { totalCount nodes { email "
            + "usage(window: {from: \"2025-03-06T00:00:00Z\", to: \"2025-03-11T00:00:00Z\"}) { vendor } } } "
            + "usage(window: {from: \"2025-03-06T00:00:00Z\", to: \"2025-03-11T00:00:00Z\"}) { buckets { vendor } } }";

    @InjectTokens
    TestTokens tokens;

    @Inject
    WindsurfConfig windsurf;

    @Inject
    TabnineConfig tabnine;

    @Test
    void neitherCredentialReachesLogsAnswersOrMetrics() {
        StringBuilder answers = new StringBuilder();
        String logs;
        try (LogCapture capture = new LogCapture()) {
            String token = tokens.withRoles(SecuredProfile.PEOPLE_READER);
            answers.append(post(token, QUERY).then().statusCode(200).extract().asString());
            // now both vendors fail, echoing the credential they were sent in their error bodies
            mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).willReturn(json(401,
                    "{\"error\": \"invalid service key " + VendorsWireMock.WINDSURF_KEY + "\"}")));
            mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1).willReturn(json(500,
                    "{\"message\": \"token Bearer " + VendorsWireMock.TABNINE_TOKEN + " broke us\"}")));
            cache.clear();
            answers.append(post(token, "{ people { totalCount } }").then().statusCode(200).extract().asString());
            logs = capture.text();
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        // the traffic was logged, bodies included, and the failures were answered: the absence means something
        assertTrue(logs.contains("/api/v1/UserPageAnalytics") && logs.contains("/api/v1/organization/users"), logs);
        assertTrue(logs.contains("<redacted>"), logs);
        assertTrue(answers.toString().contains("VENDOR_AUTH_FAILED"), answers.toString());
        assertTrue(metrics.contains("http_server_requests"), "metrics are served");
        for (String secret : SECRETS) {
            assertFalse(logs.contains(secret), () -> "a log line holds a credential:\n" + logs);
            assertFalse(answers.toString().contains(secret), answers::toString);
            assertFalse(metrics.contains(secret), "a metric holds a credential");
        }
    }

    @Test
    void configurationHoldingACredentialPrintsWithoutIt() {
        assertTrue(windsurf.serviceKey().isPresent() && tabnine.token().isPresent());
        for (String secret : SECRETS) {
            assertFalse(windsurf.toString().contains(secret), windsurf::toString);
            assertFalse(tabnine.toString().contains(secret), tabnine::toString);
        }
    }

    @Test
    void applicationPropertiesHoldsNoCredential() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            String properties = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String key : List.of("windsurf.service-key", "tabnine.token")) {
                assertFalse(properties.lines().anyMatch(line -> line.strip().matches("(%\\w+\\.)?" + key.replace(".",
                        "\\.") + "\\s*=.*")), key + " must come from the environment or a Secret");
            }
        }
    }
}
