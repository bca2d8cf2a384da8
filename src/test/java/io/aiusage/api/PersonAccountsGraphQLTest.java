package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.midnight;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * One person holding two accounts on each vendor, their e-mails differing only in case ({@code Ann@x.com} and
 * {@code ann@x.com}): {@code Person.accounts} lists all four, {@code Person.usage} has one bucket per vendor per period
 * with the two accounts' figures added up.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class PersonAccountsGraphQLTest extends WireMockGraphQLTest {

    private static final String T_ANN_WORK = "c1000000-0000-4000-8000-0000000000a1";
    private static final String T_ANN_OLD = "c1000000-0000-4000-8000-0000000000a2";
    private static final String BUCKET = "vendor from activeUsers completionsAccepted completionLinesAccepted "
            + "chatMessages inputTokens";

    @BeforeEach
    void annHoldsTwoAccountsOnEachVendor() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).withRequestBody(notContaining("group_name"))
                .willReturn(json(200, """
                        {"userTableStats": [
                          {"name": "Ann Able", "email": "Ann@x.com", "lastUpdateTime": "%sT09:00:00Z",
                           "apiKey": "wskey-ann-work", "activeDays": 1, "role": "member",
                           "teamStatus": "USER_TEAM_STATUS_APPROVED"},
                          {"email": "ann@x.com", "lastUpdateTime": "%sT09:00:00Z", "apiKey": "wskey-ann-old",
                           "activeDays": 2, "role": "member", "teamStatus": "USER_TEAM_STATUS_APPROVED"}],
                         "billingCycleStart": "2025-03-01T00:00:00Z", "billingCycleEnd": "2025-04-01T00:00:00Z"}"""
                        .formatted(today.minusDays(1), today.minusDays(1)))));
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .withRequestBody(matchingJsonPath("$.start_timestamp", equalTo(midnight(today.minusDays(6)))))
                .withRequestBody(matchingJsonPath("$.end_timestamp", equalTo(midnight(today.plusDays(1)))))
                .withRequestBody(notContaining("group_name"))
                .withRequestBody(matchingJsonPath("$.query_requests[1].aggregations[?(@.field == 'api_key')]"))
                .willReturn(json(200, """
                        {"queryResults": [
                          {"responseItems": [
                            {"item": {"api_key": "wskey-ann-work", "date": "%1$s", "num_acceptances": "4", "num_lines_accepted": "5"}},
                            {"item": {"api_key": "wskey-ann-old", "date": "%1$s", "num_acceptances": "3", "num_lines_accepted": "2"}},
                            {"item": {"api_key": "wskey-ann-old", "date": "%2$s", "num_acceptances": "6", "num_lines_accepted": "7"}}]},
                          {"responseItems": [
                            {"item": {"api_key": "wskey-ann-work", "date": "%1$s", "num_chats_received": "2"}},
                            {"item": {"api_key": "wskey-ann-old", "date": "%2$s", "num_chats_received": "1"}}]}]}"""
                        .formatted(today.minusDays(1), today.minusDays(3)))));
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1).willReturn(json(200, """
                {"data": [
                  {"id": "%s", "username": "ann", "email": "Ann@x.com", "role": "Member", "verified": true,
                   "active": true, "team": null, "allowedTeams": [], "deactivatedAt": null},
                  {"id": "%s", "username": "ann.old", "email": " ann@x.com", "role": "Member", "verified": true,
                   "active": true, "team": null, "allowedTeams": [], "deactivatedAt": null}],
                 "meta": {"count": 2, "total": 2, "next": null}}""".formatted(T_ANN_WORK, T_ANN_OLD))));
        stubTabnineDays(T_ANN_WORK, Map.of(today.minusDays(1), new int[] { 5, 6, 1, 40 }));
        stubTabnineDays(T_ANN_OLD, Map.of(today.minusDays(1), new int[] { 2, 3, 2, 10 },
                today.minusDays(4), new int[] { 4, 4, 0, 0 }));
    }

    @Test
    void aPersonsAccountsOnOneVendorAreOneBucketPerPeriodWithTheirFiguresAddedUp() {
        String week = SmallOrg.lastWeek(today);
        JsonPath json = graphql("{ person(email: \"ANN@x.com\") { id accounts { vendor accountId } day: usage(window: "
                + week + ", granularity: DAY) { " + BUCKET + " } total: usage(window: " + week
                + ", granularity: TOTAL) { " + BUCKET + " } } }")
                .body("errors", nullValue())
                .body("data.person.accounts.vendor", contains("WINDSURF", "WINDSURF", "TABNINE", "TABNINE"))
                .body("data.person.accounts.accountId", contains("wskey-ann-work", "wskey-ann-old", T_ANN_WORK,
                        T_ANN_OLD))
                .body("data.person.total.vendor", contains("WINDSURF", "TABNINE"))
                .extract().jsonPath();

        assertEquals(14, json.getList("data.person.day").size(), "7 days, one bucket per vendor each");
        // Windsurf: today-3 the old account (6 acceptances, 7 lines, 1 chat); today-1 both (4 + 3, 5 + 2, 2 chats)
        assertEquals(List.of(0, 0, 0, 6, 0, 7, 0), day(json, "WINDSURF", "completionsAccepted"));
        assertEquals(List.of(0, 0, 0, 7, 0, 7, 0), day(json, "WINDSURF", "completionLinesAccepted"));
        assertEquals(List.of(0, 0, 0, 1, 0, 2, 0), day(json, "WINDSURF", "chatMessages"));
        assertEquals(List.of(0, 0, 0, 1, 0, 1, 0), day(json, "WINDSURF", "activeUsers"),
                "one person: active or not, even with both accounts active that day");
        // Tabnine: today-4 the old account (4, 4); today-1 both (5 + 2, 6 + 3, 1 + 2 messages, 40 + 10 tokens)
        assertEquals(List.of(0, 0, 4, 0, 0, 7, 0), day(json, "TABNINE", "completionsAccepted"));
        assertEquals(List.of(0, 0, 4, 0, 0, 9, 0), day(json, "TABNINE", "completionLinesAccepted"));
        assertEquals(List.of(0, 0, 0, 0, 0, 50, 0), day(json, "TABNINE", "inputTokens"));
        assertEquals(List.of(0, 0, 1, 0, 0, 1, 0), day(json, "TABNINE", "activeUsers"));
        assertEquals(Map.of("vendor", "WINDSURF", "from", midnight(today.minusDays(6)), "activeUsers", 1,
                "completionsAccepted", 13, "completionLinesAccepted", 14, "chatMessages", 3),
                withoutNulls(json.getMap("data.person.total[0]")));
        assertEquals(Map.of("vendor", "TABNINE", "from", midnight(today.minusDays(6)), "activeUsers", 1,
                "completionsAccepted", 11, "completionLinesAccepted", 13, "chatMessages", 3, "inputTokens", 50),
                json.getMap("data.person.total[1]"));
    }

    private static List<Object> day(JsonPath json, String vendor, String metric) {
        return json.getList("data.person.day.findAll { it.vendor == '" + vendor + "' }." + metric);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> bucket) {
        Map<String, Object> present = new HashMap<>(bucket);
        present.values().removeIf(Objects::isNull);
        return present;
    }

    /** A Tabnine v2 daily series: per day {completions, lines, chat messages, input tokens}, one active user. */
    private void stubTabnineDays(String userId, Map<LocalDate, int[]> days) {
        StringBuilder buckets = new StringBuilder();
        days.forEach((day, f) -> buckets.append(buckets.isEmpty() ? "" : ",").append("""
                {"from": "%s", "to": "%s", "activeUsers": 1,
                 "codeCompletions": {"activeUsers": 1, "completions": %d, "charsCompleted": 0, "keystrokes": 0, "lines": %d},
                 "chat": {"activeUsers": 1, "messages": %d, "linesAdded": 0,
                          "models": [{"model": "m-chat", "messages": %d, "uniqueUsers": 1, "inputTokens": %d, "outputTokens": 0}]},
                 "agent": {"activeUsers": 0, "messages": 0, "linesAdded": 0, "linesAddedAccepted": 0, "linesRemoved": 0, "linesRemovedAccepted": 0, "models": []}}"""
                .formatted(midnight(day), midnight(day.plusDays(1)), f[0], f[1], f[2], f[2], f[3])));
        mocks.tabnine().stubFor(tabnine("/api/v2/user/usage").atPriority(1)
                .withQueryParam("userId", equalTo(userId))
                .willReturn(json(200, """
                        {"userId": "%s", "usage": {"granularity": "daily", "data": [%s]}}"""
                        .formatted(userId, buckets))));
    }
}
