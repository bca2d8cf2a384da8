package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.SecuredRequests.post;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 15, acceptance 3: the credit balance read from Windsurf's documented example body, and the credit-cap
 * mutation: refused without the admin role (renamed by {@link SecuredProfile}) and with two scopes, both before any
 * vendor call; with the role, exactly one UsageConfig call, after which the cap is read anew rather than from cache.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class BillingGraphQLTest extends WireMockGraphQLTest {

    /** The example response of the GetTeamCreditBalance reference page. */
    private static final String DOCUMENTED_BALANCE = """
            { "promptCreditsPerSeat": 500, "numSeats": 50, "addOnCreditsAvailable": 10000, "addOnCreditsUsed": 3500,
              "billingCycleStart": "2026-01-01T00:00:00Z", "billingCycleEnd": "2026-02-01T00:00:00Z" }""";

    private static final String SET_TEAM_CAP = "mutation { setCreditCap(scope: {team: true}, cap: 2500) "
            + "{ vendor team cap } }";
    private static final String TEAM_CAP = "{ creditCap(scope: {team: true}) { vendor team groupId userEmail cap } }";

    @InjectTokens
    TestTokens tokens;

    @BeforeEach
    void serveBilling() {
        mocks.windsurf().stubFor(windsurf("GetTeamCreditBalance").willReturn(json(200, DOCUMENTED_BALANCE)));
        // the documented GetUsageConfig example, until a cap is set
        mocks.windsurf().stubFor(windsurf("GetUsageConfig").willReturn(json(200, "{ \"add_on_credit_cap\": 10000 }")));
        mocks.windsurf().stubFor(windsurf("UsageConfig").willReturn(WireMock.aResponse().withStatus(200)));
    }

    @Test
    void theCreditBalanceHasTheDocumentedFiguresAndCycle() {
        post(tokens.withRoles("viewer"), "{ creditBalance { vendor cycleStart cycleEnd promptCreditsPerSeat seats "
                + "promptCredits addOnCreditsAvailable addOnCreditsUsed } }").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.creditBalance", hasSize(1))
                .body("data.creditBalance[0].vendor", equalTo("WINDSURF"))
                .body("data.creditBalance[0].cycleStart", equalTo("2026-01-01T00:00:00Z"))
                .body("data.creditBalance[0].cycleEnd", equalTo("2026-02-01T00:00:00Z"))
                .body("data.creditBalance[0].promptCreditsPerSeat", equalTo(500))
                .body("data.creditBalance[0].seats", equalTo(50))
                .body("data.creditBalance[0].promptCredits", equalTo(25_000))
                .body("data.creditBalance[0].addOnCreditsAvailable", equalTo(10_000))
                .body("data.creditBalance[0].addOnCreditsUsed", equalTo(3_500));
    }

    @Test
    void settingACapWithoutTheAdminRoleIsForbiddenAndAsksNoVendor() {
        post(tokens.withRoles("viewer", SecuredProfile.PEOPLE_READER), SET_TEAM_CAP).then().statusCode(200)
                .body("data.setCreditCap", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", contains("setCreditCap"))
                .body("errors[0].message", containsString("needs the " + SecuredProfile.ADMIN + " role"));
        mocks.windsurf().verify(0, postRequestedFor(urlEqualTo("/api/v1/UsageConfig")));
    }

    @Test
    void aCapWithTwoScopesIsAnInvalidArgumentAndAsksNoVendor() {
        post(tokens.withRoles(SecuredProfile.ADMIN), "mutation { setCreditCap(scope: {team: true, groupId: "
                + "\"engineering_team\"}, cap: 100) { cap } }").then().statusCode(200)
                .body("data.setCreditCap", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo("scope"))
                .body("errors[0].message", containsString("exactly one of team"));
        post(tokens.withRoles(SecuredProfile.ADMIN), "mutation { setCreditCap(scope: {team: true}, cap: -1) "
                + "{ cap } }").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo("cap"));
        mocks.windsurf().verify(0, postRequestedFor(urlEqualTo("/api/v1/UsageConfig")));
    }

    @Test
    void anAdminSetsTheCapWithOneCallAndTheNextReadAsksWindsurfAgain() {
        String reader = tokens.withRoles("viewer");
        post(reader, TEAM_CAP).then().statusCode(200).body("errors", nullValue())
                .body("data.creditCap.cap", equalTo(10_000)).body("data.creditCap.team", equalTo(true));
        post(reader, TEAM_CAP).then().body("data.creditCap.cap", equalTo(10_000));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/GetUsageConfig")));
        // Windsurf holds the new cap once UsageConfig has been called
        mocks.windsurf().stubFor(windsurf("GetUsageConfig").willReturn(json(200, "{ \"add_on_credit_cap\": 2500 }")));

        post(tokens.withRoles(SecuredProfile.ADMIN), SET_TEAM_CAP).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.setCreditCap.vendor", equalTo("WINDSURF"))
                .body("data.setCreditCap.team", equalTo(true))
                .body("data.setCreditCap.cap", equalTo(2500));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/UsageConfig")));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/UsageConfig"))
                .withRequestBody(equalToJson("{\"service_key\": \"" + VendorsWireMock.WINDSURF_KEY
                        + "\", \"team_level\": true, \"set_add_on_credit_cap\": 2500}")));

        post(reader, TEAM_CAP).then().statusCode(200).body("errors", nullValue())
                .body("data.creditCap.cap", equalTo(2500));
        mocks.windsurf().verify(2, postRequestedFor(urlEqualTo("/api/v1/GetUsageConfig")));
    }

    @Test
    void clearingACapSendsTheClearFlag() {
        post(tokens.withRoles(SecuredProfile.ADMIN), "mutation { clearCreditCap(scope: {userEmail: \" Alice@X.com\"}) "
                + "{ userEmail cap } }").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.clearCreditCap.cap", nullValue());
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/UsageConfig"))
                .withRequestBody(equalToJson("{\"service_key\": \"" + VendorsWireMock.WINDSURF_KEY
                        + "\", \"user_email\": \"Alice@X.com\", \"clear_add_on_credit_cap\": true}")));
    }

    @Test
    void eachCapChangeIsAuditedWithWhoWhatAndWhenButNeverTheKey() {
        String admin = tokens.withRoles(SecuredProfile.ADMIN);
        Instant before = Instant.now();
        String log;
        try (LogCapture capture = new LogCapture()) {
            post(admin, SET_TEAM_CAP).then().statusCode(200).body("errors", nullValue());
            post(admin, "mutation { clearCreditCap(scope: {groupId: \"engineering_team\"}) { cap } }").then()
                    .statusCode(200).body("errors", nullValue());
            log = capture.text();
        }
        Instant after = Instant.now();

        List<String> audit = log.lines().filter(line -> line.contains("AUDIT")).toList();
        assertEquals(2, audit.size(), log);
        assertTrue(audit.get(0).endsWith("AUDIT " + when(audit.get(0), before, after) + ": \"test-user\" did set "
                + "the add-on credit cap at team to 2500 on WINDSURF"), audit.get(0));
        assertTrue(audit.get(1).endsWith("AUDIT " + when(audit.get(1), before, after) + ": \"test-user\" did clear "
                + "the add-on credit cap at group:engineering_team on WINDSURF"), audit.get(1));
        assertFalse(log.contains(VendorsWireMock.WINDSURF_KEY), "the service key reached the log");
        // the test's own HTTP client (org.apache.http) logs the token it sends at DEBUG; the application must not
        assertFalse(log.lines().filter(line -> !line.startsWith("org.apache.http")).anyMatch(l -> l.contains(admin)),
                "the caller's token reached the log");
    }

    /** The instant an audit line names, checked to lie within the test's span. */
    private static String when(String line, Instant before, Instant after) {
        Matcher at = Pattern.compile("AUDIT (\\S+): ").matcher(line);
        assertTrue(at.find(), line);
        Instant instant = Instant.parse(at.group(1));
        assertFalse(instant.isBefore(before) || instant.isAfter(after), line);
        return at.group(1);
    }
}
