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
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15, acceptance 1: language breakdowns of both vendors over WireMock, from answers in the shapes the vendors
 * document (Windsurf Custom Analytics {@code queryResults[].responseItems[].item} with string values; Tabnine usage v2
 * per-user buckets with comma-separated {@code languages}). The rows are exact (keys normalised across vendors,
 * Tabnine's several languages of a day split evenly and marked apportioned), and over the {@link SmallOrg} usage
 * window each vendor's rows add up to its usage totals, per day and for the whole window.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class BreakdownGraphQLTest extends WireMockGraphQLTest {

    private static final String ROW = "vendor key activeUsers completionsAccepted completionLinesAccepted "
            + "chatMessages apportioned";

    @BeforeEach
    void serveLanguages() {
        // the same completions as windsurf/analytics-organisation.json, grouped by language as well
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1).withRequestBody(notContaining("group_name"))
                .withRequestBody(matchingJsonPath("$.query_requests[0].aggregations[?(@.field == 'language')]"))
                .willReturn(json(200, """
                        {"queryResults": [{"responseItems": [
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "language": "JAVA", "num_acceptances": "6", "num_lines_accepted": "12"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "language": "GO", "num_acceptances": "4", "num_lines_accepted": "8"}},
                          {"item": {"api_key": "wskey-bob", "date": "2025-03-06", "language": "PYTHON", "num_acceptances": "4", "num_lines_accepted": "6"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-07", "language": "JAVA", "num_acceptances": "5", "num_lines_accepted": "9"}},
                          {"item": {"api_key": "wskey-dave", "date": "2025-03-10", "language": "TYPESCRIPT", "num_acceptances": "3", "num_lines_accepted": "3"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-10", "language": "GO", "num_acceptances": "2", "num_lines_accepted": "4"}}
                        ]}]}""")));
        // each Tabnine user's daily series over the window; together the same completions as
        // tabnine/usage-organisation-daily.json (12/15 on the 6th, 8/8 on the 7th, 5/6 on the 10th)
        tabnineUser(SmallOrg.T_ALICE, bucket("2025-03-06", 7, 9, "Java", "IntelliJ IDEA"),
                bucket("2025-03-10", 5, 6, "golang", "vscode"));
        tabnineUser(SmallOrg.T_BOB, bucket("2025-03-06", 5, 6, "Kotlin,Java", "IntelliJ IDEA"),
                bucket("2025-03-07", 8, 8, "Kotlin", "IntelliJ IDEA"));
        for (String quiet : List.of(SmallOrg.T_ERIN, SmallOrg.T_FRANK, SmallOrg.T_GINA)) {
            tabnineUser(quiet);
        }
    }

    @Test
    void languageRowsOfBothVendorsAreExactAndNormalised() {
        JsonPath answer = graphql("{ usageBreakdown(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL, "
                + "by: LANGUAGE) { dimension granularity rows { " + ROW + " from to } } }")
                .body("errors", nullValue()).extract().jsonPath();

        assertEquals("LANGUAGE", answer.getString("data.usageBreakdown.dimension"));
        assertEquals(List.of(
                // Tabnine: bob's 5/6 of the 6th split between Java (3/3) and Kotlin (2/3)
                "TABNINE go 1 5 6 null false",
                "TABNINE java 2 10 12 null true",
                "TABNINE kotlin 1 10 11 null true",
                "WINDSURF go 1 6 12 null false",
                "WINDSURF java 1 11 21 null false",
                "WINDSURF python 1 4 6 null false",
                "WINDSURF typescript 1 3 3 null false"),
                rows(answer).stream().sorted().toList());
        assertEquals(List.of(SmallOrg.USAGE_FROM), answer.getList("data.usageBreakdown.rows.from").stream()
                .distinct().toList());
        // one Custom Analytics call for Windsurf's languages, one daily series per Tabnine user
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(matchingJsonPath("$.query_requests[0].aggregations[?(@.field == 'language')]")));
    }

    @Test
    void languageRowsAddUpToEachVendorsUsagePerDayAndOverTheWindow() {
        for (String granularity : List.of("DAY", "TOTAL")) {
            JsonPath answer = graphql("{ usageBreakdown(window: " + SmallOrg.USAGE_WINDOW + ", granularity: "
                    + granularity + ", by: LANGUAGE) { rows { vendor from completionsAccepted "
                    + "completionLinesAccepted } } usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: "
                    + granularity + ") { buckets { vendor from completionsAccepted completionLinesAccepted } } }")
                    .body("errors", nullValue()).extract().jsonPath();
            for (String figure : List.of("completionsAccepted", "completionLinesAccepted")) {
                Map<String, Long> fromRows = sums(answer.getList("data.usageBreakdown.rows"), figure);
                Map<String, Long> fromBuckets = sums(answer.getList("data.usage.buckets"), figure);
                fromBuckets.values().removeIf(v -> v == 0);
                assertFalse(fromBuckets.isEmpty());
                assertEquals(fromBuckets, fromRows, granularity + " " + figure + " per vendor and period");
            }
        }
    }

    /** Each row as "vendor key activeUsers completions lines chatMessages apportioned". */
    private static List<String> rows(JsonPath answer) {
        List<Map<String, Object>> rows = answer.getList("data.usageBreakdown.rows");
        return rows.stream().map(r -> r.get("vendor") + " " + r.get("key") + " " + number(r.get("activeUsers")) + " "
                + number(r.get("completionsAccepted")) + " " + number(r.get("completionLinesAccepted")) + " "
                + number(r.get("chatMessages")) + " " + r.get("apportioned")).toList();
    }

    private static String number(Object value) {
        return value == null ? "null" : String.valueOf(((Number) value).longValue());
    }

    private static Map<String, Long> sums(List<Map<String, Object>> rows, String figure) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach(r -> sums.merge(r.get("vendor") + " " + r.get("from"), ((Number) r.get(figure)).longValue(),
                Long::sum));
        return sums;
    }

    private void tabnineUser(String userId, String... buckets) {
        mocks.tabnine().stubFor(tabnine("/api/v2/user/usage").atPriority(1)
                .withQueryParam("userId", equalTo(userId))
                .withQueryParam("from", equalTo(SmallOrg.USAGE_FROM))
                .withQueryParam("granularity", equalTo("daily"))
                .willReturn(json(200, """
                        {"organizationId": "%s", "userId": "%s", "from": "%s", "to": "%s",
                         "usage": {"granularity": "daily", "data": [%s]}}"""
                        .formatted(VendorsWireMock.TABNINE_ORG, userId, SmallOrg.USAGE_FROM, SmallOrg.USAGE_TO,
                                String.join(",", buckets)))));
    }

    /** A documented V2UsageBucket of one user and day: completions only, with the day's languages and IDEs. */
    private static String bucket(String day, int completions, int lines, String languages, String ides) {
        String next = java.time.LocalDate.parse(day).plusDays(1).toString();
        return """
                {"from": "%sT00:00:00Z", "to": "%sT00:00:00Z", "activeUsers": 1,
                 "codeCompletions": {"activeUsers": 1, "completions": %d, "charsCompleted": %d, "keystrokes": %d, "lines": %d},
                 "chat": {"activeUsers": 0, "messages": 0, "linesAdded": 0, "models": []},
                 "agent": {"activeUsers": 0, "messages": 0, "linesAdded": 0, "linesAddedAccepted": 0,
                           "linesRemoved": 0, "linesRemovedAccepted": 0, "models": []},
                 "ides": "%s", "languages": "%s"}""".formatted(day, next, completions, completions * 30,
                completions * 80, lines, ides, languages);
    }
}
