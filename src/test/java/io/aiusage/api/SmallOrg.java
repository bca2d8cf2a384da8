package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.midnight;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;

import java.time.LocalDate;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * The hand-made organisation of the GraphQL contract tests (fixtures in {@code src/test/resources/graphql/}), small
 * enough to compute every answer by hand. Activity dates are relative to the day the test runs, since seat status
 * is measured against now; organisation and team usage use the fixed {@link #USAGE_WINDOW}.
 *
 * <pre>
 * person        Windsurf (groups)                          Tabnine (team)
 * alice@x.com   "Alice@X.com" Alice Archer, last use today-1 "  ALICE@x.com " alice.t, active today-1, today-4 (Backend)
 *               ACTIVE (engineering)                        ACTIVE
 * bob@x.com     "bob@x.com" no name, last use today-40      "Bob@X.COM " Bob Brown, active today-3 (Backend)
 *               IDLE (engineering, platform)                ACTIVE
 * carol@x.com   Carol Chen, invited: PENDING (platform)     -
 * dave@x.com    Dave Diaz, disabled: DEACTIVATED, today-5    -
 * erin@y.org    -                                           Erin Evans, unverified: PENDING (Frontend)
 * frank@y.org   -                                           Frank Fox, active=false: DEACTIVATED, today-20 (Frontend)
 * gina@y.org    -                                           Gina Gray, no activity: NEVER_USED (no team)
 * </pre>
 */
final class SmallOrg {

    static final String T_ALICE = "c1000000-0000-4000-8000-000000000001";
    static final String T_BOB = "c1000000-0000-4000-8000-000000000002";
    static final String T_ERIN = "c1000000-0000-4000-8000-000000000005";
    static final String T_FRANK = "c1000000-0000-4000-8000-000000000006";
    static final String T_GINA = "c1000000-0000-4000-8000-000000000007";
    static final String BACKEND = "TABNINE:7e000000-0000-4000-8000-0000000000b1";
    static final String FRONTEND = "TABNINE:7e000000-0000-4000-8000-0000000000f1";

    /** Organisation and team usage: Thursday 6 March 2025 to Tuesday 11 March 2025, five whole UTC days. */
    static final String USAGE_FROM = "2025-03-06T00:00:00Z";
    static final String USAGE_TO = "2025-03-11T00:00:00Z";
    static final String USAGE_WINDOW = "{from: \"" + USAGE_FROM + "\", to: \"" + USAGE_TO + "\"}";

    private SmallOrg() {
    }

    /** The last seven whole UTC days, today included: inside Tabnine's activity lookback. */
    static String lastWeek(LocalDate today) {
        return "{from: \"" + midnight(today.minusDays(6)) + "\", to: \"" + midnight(today.plusDays(1)) + "\"}";
    }

    /** Stubs every request the API sends for this organisation. */
    static void stub(VendorMocks mocks, LocalDate today) {
        stubWindsurf(mocks, today);
        stubTabnine(mocks, today);
    }

    private static void stubWindsurf(VendorMocks mocks, LocalDate today) {
        var ws = mocks.windsurf();
        ws.stubFor(windsurf("UserPageAnalytics").atPriority(3).withRequestBody(notContaining("group_name"))
                .willReturn(fixture("windsurf/user-page-analytics.json", today)));
        for (String group : new String[] { "engineering", "platform" }) {
            ws.stubFor(windsurf("UserPageAnalytics").atPriority(2)
                    .withRequestBody(matchingJsonPath("$.group_name", equalTo(group)))
                    .willReturn(fixture("windsurf/user-page-analytics-" + group + ".json", today)));
        }
        ws.stubFor(windsurfUsage("Analytics", USAGE_FROM, USAGE_TO).atPriority(3)
                .withRequestBody(notContaining("group_name"))
                .willReturn(fixture("windsurf/analytics-organisation.json", today)));
        ws.stubFor(windsurfUsage("CascadeAnalytics", USAGE_FROM, USAGE_TO).atPriority(3)
                .withRequestBody(notContaining("group_name"))
                .willReturn(fixture("windsurf/cascade-organisation.json", today)));
        ws.stubFor(windsurfUsage("Analytics", USAGE_FROM, USAGE_TO).atPriority(2)
                .withRequestBody(matchingJsonPath("$.group_name", equalTo("engineering")))
                .willReturn(fixture("windsurf/analytics-engineering.json", today)));
        ws.stubFor(windsurfUsage("CascadeAnalytics", USAGE_FROM, USAGE_TO).atPriority(2)
                .withRequestBody(matchingJsonPath("$.group_name", equalTo("engineering")))
                .willReturn(fixture("windsurf/cascade-engineering.json", today)));
        // per person: chats grouped by api_key as well as by date, over the last seven days
        ws.stubFor(windsurfUsage("Analytics", midnight(today.minusDays(6)), midnight(today.plusDays(1)))
                .atPriority(2).withRequestBody(notContaining("group_name"))
                .withRequestBody(matchingJsonPath("$.query_requests[1].aggregations[?(@.field == 'api_key')]"))
                .willReturn(fixture("windsurf/analytics-per-person.json", today)));
    }

    private static MappingBuilder windsurfUsage(String endpoint, String from, String to) {
        return windsurf(endpoint).withRequestBody(matchingJsonPath("$.start_timestamp", equalTo(from)))
                .withRequestBody(matchingJsonPath("$.end_timestamp", equalTo(to)));
    }

    private static void stubTabnine(VendorMocks mocks, LocalDate today) {
        var tn = mocks.tabnine();
        tn.stubFor(tabnine("/api/v1/organization/users").atPriority(3).withQueryParam("offset", equalTo("0"))
                .willReturn(fixture("tabnine/users.json", today)));
        tn.stubFor(tabnine("/api/v1/organization/teams").atPriority(3).withQueryParam("offset", equalTo("0"))
                .willReturn(fixture("tabnine/teams.json", today)));
        Map<String, String> users = Map.of(T_ALICE, "alice", T_BOB, "bob", T_ERIN, "erin", T_FRANK, "frank",
                T_GINA, "gina");
        // each user's daily series, whatever span and granularity is asked: the activity read's last 31 days, its
        // monthly probe of the earlier lookback (answered with days: the latest active one is then asked daily), and
        // any window (buckets outside a request's span are dropped by the connector)
        users.forEach((id, name) -> tn.stubFor(tabnine("/api/v2/user/usage").atPriority(3)
                .withQueryParam("organizationId", equalTo(VendorsWireMock.TABNINE_ORG))
                .withQueryParam("userId", equalTo(id))
                .willReturn(fixture("tabnine/user-daily-" + name + ".json", today))));
        for (String granularity : new String[] { "daily", "all" }) {
            tn.stubFor(tabnineUsage("/api/v2/organization/usage", "from", "to", granularity)
                    .withQueryParam("organizationId", equalTo(VendorsWireMock.TABNINE_ORG))
                    .willReturn(fixture("tabnine/usage-organisation-" + granularity + ".json", today)));
            tn.stubFor(tabnineUsage("/api/v1/organization/agent-usage", "startDate", "endDate", granularity)
                    .willReturn(fixture("tabnine/agent-usage-organisation-" + granularity + ".json", today)));
        }
        String backend = BACKEND.substring("TABNINE:".length());
        // daily facts for the sums and cost, the whole window ("all") for its distinct active users
        for (String granularity : new String[] { "daily", "all" }) {
            tn.stubFor(tabnineUsage("/api/v2/team/usage", "from", "to", granularity)
                    .withQueryParam("organizationId", equalTo(VendorsWireMock.TABNINE_ORG))
                    .withQueryParam("teamId", equalTo(backend))
                    .willReturn(fixture("tabnine/usage-team-backend-" + granularity + ".json", today)));
            tn.stubFor(tabnineUsage("/api/v1/team/agent-usage", "startDate", "endDate", granularity)
                    .withQueryParam("teamId", equalTo(backend))
                    .willReturn(fixture("tabnine/agent-usage-team-backend-" + granularity + ".json", today)));
        }
    }

    private static MappingBuilder tabnineUsage(String path, String fromParam, String toParam, String granularity) {
        return tabnine(path).atPriority(3).withQueryParam(fromParam, equalTo(USAGE_FROM))
                .withQueryParam(toParam, equalTo(USAGE_TO)).withQueryParam("granularity", equalTo(granularity));
    }
}
