package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15, acceptance 4: {@code Person.usageBreakdown} for 500 people costs Windsurf a constant number of calls.
 * 520 Windsurf users (each accepted 3 completions in Java yesterday, in JetBrains, and received 2 chats of one
 * model) and 10 Tabnine users: the page of 500 asks Windsurf exactly as often as a page of 5.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class BreakdownCallBoundTest extends WireMockGraphQLTest {

    private static final int WINDSURF_USERS = 520;
    private static final int TABNINE_USERS = 10;
    private static final String LANGUAGE = "$.query_requests[0].aggregations[?(@.field == 'language')]";
    private static final String IDE = "$.query_requests[0].aggregations[?(@.field == 'ide')]";
    private static final String MODEL = "$.query_requests[0].aggregations[?(@.field == 'model_id')]";

    @BeforeEach
    void serveTheLargeOrganisation() {
        mocks.resetAll();
        stubWindsurf();
        stubTabnine();
    }

    @Test
    void windsurfCallsForEveryonesBreakdownsAreConstant() {
        Map<String, Long> five = windsurfCallsFor(5);
        Map<String, Long> fiveHundred = windsurfCallsFor(500);
        Log.infof("Windsurf calls for 5 and 500 people's breakdowns: %s, %s", five, fiveHundred);

        // the seat tables of the organisation and its 2 groups, and one Custom Analytics call per dimension
        assertEquals(Map.of("/api/v1/UserPageAnalytics", 3L, "/api/v1/Analytics", 3L), fiveHundred);
        assertEquals(five, fiveHundred);
    }

    @Test
    void everyWindsurfPersonOnThePageGetsTheirRows() {
        JsonPath page = graphql(query(500)).body("errors", nullValue()).extract().jsonPath();

        List<Map<String, Object>> rows = page.getList("data.people.nodes.lang.flatten()");
        List<Map<String, Object>> windsurf = rows.stream().filter(r -> "WINDSURF".equals(r.get("vendor"))).toList();
        // user-000..499 are on the page: every one of the 490 Windsurf-only and 10 shared people has a java row
        assertEquals(500, windsurf.size());
        assertTrue(windsurf.stream().allMatch(r -> "java".equals(r.get("key"))));
        assertEquals(500 * 3, windsurf.stream().mapToLong(r -> ((Number) r.get("completionsAccepted")).longValue())
                .sum());
        assertEquals(500, page.getList("data.people.nodes.ide.flatten()").stream()
                .filter(r -> "jetbrains".equals(((Map<?, ?>) r).get("key"))).count());
    }

    private Map<String, Long> windsurfCallsFor(int first) {
        mocks.resetRequests();
        cache.clear();
        graphql(query(first)).body("errors", nullValue());
        return mocks.windsurf().getAllServeEvents().stream()
                .collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), TreeMap::new, Collectors.counting()));
    }

    private String query(int first) {
        String args = "(window: " + SmallOrg.lastWeek(today) + ", granularity: TOTAL, by: ";
        return "{ people(first: " + first + ") { nodes { email "
                + "lang: usageBreakdown" + args + "LANGUAGE) { vendor key completionsAccepted } "
                + "ide: usageBreakdown" + args + "IDE) { vendor key completionsAccepted chatMessages } "
                + "model: usageBreakdown" + args + "MODEL) { vendor key chatMessages } } } }";
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
        String completions = items(i -> """
                {"item": {"api_key": "big-key-%03d", "date": "%s", "language": "JAVA", "ide": "jetbrains",
                          "num_acceptances": "3", "num_lines_accepted": "4"}}""".formatted(i, yesterday));
        String chats = items(i -> """
                {"item": {"api_key": "big-key-%03d", "date": "%s", "ide": "jetbrains", "model_id": "MODEL_CHAT_GPT_4O",
                          "num_chats_received": "2"}}""".formatted(i, yesterday));
        ws.stubFor(windsurf("Analytics").withRequestBody(matchingJsonPath(LANGUAGE))
                .willReturn(json(200, "{\"queryResults\": [" + completions + "]}")));
        ws.stubFor(windsurf("Analytics").withRequestBody(matchingJsonPath(IDE))
                .willReturn(json(200, "{\"queryResults\": [" + completions + ", " + chats + "]}")));
        ws.stubFor(windsurf("Analytics").withRequestBody(matchingJsonPath(MODEL))
                .willReturn(json(200, "{\"queryResults\": [" + chats + "]}")));
    }

    private static String items(IntFunction<String> item) {
        return "{\"responseItems\": [" + IntStream.range(0, WINDSURF_USERS).mapToObj(item)
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String seats(IntStream users, IntFunction<String> row) {
        return "{\"userTableStats\": [" + users.mapToObj(row).collect(Collectors.joining(",")) + "]}";
    }

    /** Ten Tabnine users who are also Windsurf users user-000..009, one day of Java each. */
    private void stubTabnine() {
        WireMockServer tn = mocks.tabnine();
        String users = IntStream.range(0, TABNINE_USERS).mapToObj(i -> """
                {"id": "d0000000-0000-4000-8000-000000000%1$03d", "username": "User %1$03d",
                 "email": "user-%1$03d@big.example", "role": "Member", "verified": true, "active": true,
                 "team": null, "deactivatedAt": null}""".formatted(i)).collect(Collectors.joining(","));
        tn.stubFor(tabnine("/api/v1/organization/users").willReturn(json(200, "{\"data\": [" + users
                + "], \"meta\": {\"count\": " + TABNINE_USERS + ", \"total\": " + TABNINE_USERS + ", \"next\": null}}")));
        String yesterday = today.minusDays(1).toString();
        // any granularity: the activity probe's monthly call gets the day too
        tn.stubFor(tabnine("/api/v2/user/usage")
                .willReturn(json(200, """
                        {"usage": {"granularity": "daily", "data": [
                          {"from": "%sT00:00:00Z", "to": "%sT00:00:00Z", "activeUsers": 1,
                           "codeCompletions": {"activeUsers": 1, "completions": 2, "lines": 2},
                           "chat": {"activeUsers": 0, "messages": 0, "models": []},
                           "agent": {"activeUsers": 0, "messages": 0, "linesAddedAccepted": 0, "models": []},
                           "ides": "vscode", "languages": "java"}]}}""".formatted(yesterday, today))));
    }
}
