package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Acceptance 3 of issue 5: {@code people(first: 200) { usage }} costs a bounded number of vendor calls. A generated
 * organisation of 250 people: user-000 to user-209 on Windsurf, user-040 to user-249 on Tabnine (170 on both, their
 * Tabnine e-mails upper-cased with a trailing space). Every Windsurf user accepted 3 completions yesterday, every
 * Tabnine user 2.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class VendorCallBoundTest extends WireMockGraphQLTest {

    private static final int WINDSURF_USERS = 210;
    private static final int FIRST_TABNINE = 40;
    private static final int PEOPLE = 250;
    private static final int TABNINE_USERS = PEOPLE - FIRST_TABNINE;
    private static final int TABNINE_PAGE = 100;

    @BeforeEach
    void serveTheLargeOrganisation() {
        mocks.resetAll();
        stubWindsurf();
        stubTabnine();
    }

    @Test
    void windsurfCallsAreConstantAndTabnineCallsOnePerUserPlusOnePerPersonOnThePage() {
        Map<String, Map<String, Long>> five = callsFor(5);
        Map<String, Map<String, Long>> twoHundred = callsFor(200);
        Log.infof("Vendor calls for people(first: 5) { usage }: %s", five);
        Log.infof("Vendor calls for people(first: 200) { usage }: %s", twoHundred);
        Map<String, Long> windsurf = twoHundred.get("windsurf");

        // the seat table of the organisation and of each of the 2 configured groups, plus one Custom Analytics
        // request for every person's usage: the same whatever the page size
        assertEquals(Map.of("/api/v1/UserPageAnalytics", 3L, "/api/v1/Analytics", 1L), windsurf);
        assertEquals(windsurf, five.get("windsurf"));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics")));
        // Tabnine has no bulk per-user usage: per user, the last 31 days daily for last activity (enough here:
        // everyone was active yesterday; kept only as a summary); one series of the window per Tabnine account on
        // the page (user-040..199: 160); and the 3 pages of the user list
        long activity = TABNINE_USERS;
        assertEquals(Map.of("/api/v1/organization/users", 3L, "/api/v2/user/usage", activity + 160),
                twoHundred.get("tabnine"));
        assertEquals(Map.of("/api/v1/organization/users", 3L, "/api/v2/user/usage", activity),
                five.get("tabnine"), "page of 5: none of user-000..004 is on Tabnine");
        assertEquals(TABNINE_USERS, tabnineUsersAsked().size());
    }

    @Test
    void theBoundedCallsStillGiveEveryPersonOnThePageTheirUsage() {
        JsonPath page = people(200);

        assertEquals(PEOPLE, page.getInt("data.people.totalCount"));
        assertEquals("user-000@big.example", page.getString("data.people.nodes[0].email"));
        assertEquals("user-199@big.example", page.getString("data.people.nodes[199].email"));
        // user-000..199: 200 Windsurf accounts x 3 + 160 Tabnine accounts (user-040..199) x 2
        List<Integer> completions = page.getList("data.people.nodes.usage.flatten().completionsAccepted");
        assertEquals(200 * 3 + 160 * 2, completions.stream().mapToInt(Integer::intValue).sum());
        // seven days per account
        assertEquals((200 + 160) * 7, completions.size());
    }

    @Test
    void seatsAndPeopleInOneQueryShareOneFetchOfTheSeats() {
        Map<String, Map<String, Long>> seatsAlone = callsFor("{ seats { utilization { vendor assigned } } }");
        Map<String, Map<String, Long>> together = callsFor("{ seats { utilization { vendor assigned } } "
                + "people(first: 5) { totalCount nodes { email } } }");

        assertEquals(seatsAlone, together, "the dashboard's overview query asks each vendor for its seats once");
    }

    /** Vendor calls per endpoint path, per vendor, for one {@code people(first: n) { usage }} from a cold start. */
    private Map<String, Map<String, Long>> callsFor(int first) {
        return callsFor("{ people(first: " + first + ") { totalCount nodes { email usage(window: "
                + SmallOrg.lastWeek(today) + ", granularity: DAY) { vendor completionsAccepted } } } }");
    }

    /** Vendor calls per endpoint path, per vendor, for one query from a cold start. */
    private Map<String, Map<String, Long>> callsFor(String query) {
        mocks.resetRequests();
        cache.clear();
        graphql(query).body("errors", nullValue());
        return Map.of("windsurf", perPath(mocks.windsurf()), "tabnine", perPath(mocks.tabnine()));
    }

    private JsonPath people(int first) {
        return graphql("{ people(first: " + first + ") { totalCount nodes { email usage(window: "
                + SmallOrg.lastWeek(today) + ", granularity: DAY) { vendor completionsAccepted } } } }")
                .body("errors", nullValue()).extract().jsonPath();
    }

    private static Map<String, Long> perPath(WireMockServer server) {
        return server.getAllServeEvents().stream()
                .collect(Collectors.groupingBy(e -> e.getRequest().getUrl().replaceFirst("\\?.*", ""), TreeMap::new,
                        Collectors.counting()));
    }

    private List<String> tabnineUsersAsked() {
        return mocks.tabnine().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith("/api/v2/user/usage"))
                .map(r -> r.queryParameter("userId").firstValue()).distinct().toList();
    }

    private void stubWindsurf() {
        String yesterday = today.minusDays(1).toString();
        IntFunction<String> row = i -> """
                {"name": "User %1$03d", "email": "user-%1$03d@big.example", "apiKey": "big-key-%1$03d",
                 "lastUpdateTime": "%2$sT09:00:00Z", "teamStatus": "USER_TEAM_STATUS_APPROVED"}"""
                .formatted(i, yesterday);
        WireMockServer ws = mocks.windsurf();
        ws.stubFor(windsurf("UserPageAnalytics").withRequestBody(notContaining("group_name"))
                .willReturn(json(200, seats(IntStream.range(0, WINDSURF_USERS), row))));
        ws.stubFor(windsurf("UserPageAnalytics").withRequestBody(matchingJsonPath("$.group_name", equalTo("engineering")))
                .willReturn(json(200, seats(IntStream.range(0, WINDSURF_USERS / 2), row))));
        ws.stubFor(windsurf("UserPageAnalytics").withRequestBody(matchingJsonPath("$.group_name", equalTo("platform")))
                .willReturn(json(200, seats(IntStream.range(WINDSURF_USERS / 2, WINDSURF_USERS), row))));
        String completions = IntStream.range(0, WINDSURF_USERS).mapToObj(i -> """
                {"item": {"api_key": "big-key-%03d", "date": "%s", "num_acceptances": "3", "num_lines_accepted": "4"}}"""
                .formatted(i, yesterday)).collect(Collectors.joining(","));
        ws.stubFor(windsurf("Analytics").willReturn(json(200,
                "{\"queryResults\": [{\"responseItems\": [" + completions + "]}, {\"responseItems\": []}]}")));
    }

    private static String seats(IntStream users, IntFunction<String> row) {
        return "{\"userTableStats\": [" + users.mapToObj(row).collect(Collectors.joining(",")) + "]}";
    }

    private void stubTabnine() {
        WireMockServer tn = mocks.tabnine();
        for (int offset = 0; offset < TABNINE_USERS; offset += TABNINE_PAGE) {
            int end = Math.min(TABNINE_USERS, offset + TABNINE_PAGE);
            String users = IntStream.range(offset, end).map(i -> i + FIRST_TABNINE).mapToObj(i -> """
                    {"id": "d0000000-0000-4000-8000-000000000%1$03d", "username": "User %1$03d",
                     "email": "USER-%1$03d@big.example ", "role": "Member", "verified": true, "active": true,
                     "team": null, "deactivatedAt": null}""".formatted(i)).collect(Collectors.joining(","));
            String next = end < TABNINE_USERS ? "{\"limit\": %d, \"offset\": %d}".formatted(TABNINE_PAGE, end) : "null";
            tn.stubFor(tabnine("/api/v1/organization/users").withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(json(200, "{\"data\": [" + users + "], \"meta\": {\"count\": " + (end - offset)
                            + ", \"total\": " + TABNINE_USERS + ", \"next\": " + next + "}}")));
        }
        String yesterday = today.minusDays(1).toString();
        // any span and granularity: the activity read and the page's week both get yesterday's bucket (the
        // connector drops a bucket outside the span it asked for)
        tn.stubFor(tabnine("/api/v2/user/usage")
                .willReturn(json(200, """
                        {"usage": {"granularity": "daily", "data": [
                          {"from": "%sT00:00:00Z", "to": "%sT00:00:00Z", "activeUsers": 1,
                           "codeCompletions": {"activeUsers": 1, "completions": 2, "lines": 2},
                           "chat": {"activeUsers": 0, "messages": 0, "models": []},
                           "agent": {"activeUsers": 0, "messages": 0, "linesAddedAccepted": 0, "models": []}}]}}"""
                        .formatted(yesterday, today))));
    }
}
