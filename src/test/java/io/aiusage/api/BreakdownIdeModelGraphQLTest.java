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
 * Issue 15, acceptance 1 for IDE and MODEL: exact rows of both vendors over WireMock from answers in the vendors'
 * documented shapes (Windsurf Custom Analytics USER_DATA/CHAT_DATA grouped by {@code ide} or {@code model_id},
 * CascadeAnalytics {@code cascade_runs} {@code model}; Tabnine usage v2 per-user {@code ides} and the organisation's
 * {@code models[]}, whose UUIDs become display names where {@code tabnine.model-names} gives one), and that the rows of
 * each vendor add up to its usage totals per day and over the {@link SmallOrg} window for every additive figure.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class BreakdownIdeModelGraphQLTest extends WireMockGraphQLTest {

    private static final String UNNAMED_MODEL = "5b2c7d10-0000-4000-8000-00000000a002";

    @BeforeEach
    void serveIdesAndModels() {
        // the completions and chats of windsurf/analytics-organisation.json, grouped by IDE as well
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1).withRequestBody(notContaining("group_name"))
                .withRequestBody(matchingJsonPath("$.query_requests[0].aggregations[?(@.field == 'ide')]"))
                .willReturn(json(200, """
                        {"queryResults": [{"responseItems": [
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "ide": "jetbrains", "num_acceptances": "6", "num_lines_accepted": "12"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "ide": "vscode", "num_acceptances": "4", "num_lines_accepted": "8"}},
                          {"item": {"api_key": "wskey-bob", "date": "2025-03-06", "ide": "editor", "num_acceptances": "4", "num_lines_accepted": "6"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-07", "ide": "jetbrains", "num_acceptances": "5", "num_lines_accepted": "9"}},
                          {"item": {"api_key": "wskey-dave", "date": "2025-03-10", "ide": "editor", "num_acceptances": "3", "num_lines_accepted": "3"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-10", "ide": "vscode", "num_acceptances": "2", "num_lines_accepted": "4"}}
                        ]}, {"responseItems": [
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "ide": "jetbrains", "num_chats_received": "5"}},
                          {"item": {"api_key": "wskey-bob", "date": "2025-03-06", "ide": "editor", "num_chats_received": "2"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-08", "ide": "vscode", "num_chats_received": "2"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-10", "ide": "jetbrains", "num_chats_received": "1"}}
                        ]}]}""")));
        // the same chats grouped by model; Cascade's models come from windsurf/cascade-organisation.json
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1).withRequestBody(notContaining("group_name"))
                .withRequestBody(matchingJsonPath("$.query_requests[0].aggregations[?(@.field == 'model_id')]"))
                .willReturn(json(200, """
                        {"queryResults": [{"responseItems": [
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-06", "model_id": "MODEL_CHAT_GPT_4O", "num_chats_received": "4"}},
                          {"item": {"api_key": "wskey-bob", "date": "2025-03-06", "model_id": "MODEL_CLAUDE_3_5_SONNET", "num_chats_received": "3"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-08", "model_id": "MODEL_CHAT_GPT_4O", "num_chats_received": "2"}},
                          {"item": {"api_key": "wskey-alice", "date": "2025-03-10", "model_id": "MODEL_CLAUDE_3_5_SONNET", "num_chats_received": "1"}}
                        ]}]}""")));
        // tabnine/usage-organisation-daily.json with model UUIDs, as v2 names them; the agent message of the 10th
        // has no model
        mocks.tabnine().stubFor(tabnine("/api/v2/organization/usage").atPriority(1)
                .withQueryParam("from", equalTo(SmallOrg.USAGE_FROM))
                .withQueryParam("granularity", equalTo("daily"))
                .willReturn(json(200, """
                        {"organizationId": "%s", "from": "%s", "to": "%s", "usage": {"granularity": "daily", "data": [
                          %s, %s, %s]}}""".formatted(VendorsWireMock.TABNINE_ORG, SmallOrg.USAGE_FROM,
                        SmallOrg.USAGE_TO,
                        bucket("2025-03-06", 2, 12, 15, null, chat(3, model(VendorsWireMock.TABNINE_NAMED_MODEL, 3,
                                300, 60)), agent(2, 10, model(UNNAMED_MODEL, 2, 1000, 200))),
                        bucket("2025-03-07", 1, 8, 8, null, chat(1, model(VendorsWireMock.TABNINE_NAMED_MODEL, 1, 100,
                                20)), agent(0, 0, "")),
                        bucket("2025-03-10", 2, 5, 6, null, chat(0, ""), agent(1, 3, ""))))));
        // each user's daily series: together the organisation's days above
        tabnineUser(SmallOrg.T_ALICE,
                bucket("2025-03-06", 1, 7, 9, "IntelliJ IDEA", chat(3, model(VendorsWireMock.TABNINE_NAMED_MODEL, 3,
                        300, 60)), agent(2, 10, model(UNNAMED_MODEL, 2, 1000, 200))),
                bucket("2025-03-10", 1, 5, 6, "vscode", chat(0, ""), agent(1, 3, "")));
        tabnineUser(SmallOrg.T_BOB,
                bucket("2025-03-06", 1, 5, 6, "IntelliJ IDEA,VS Code", chat(0, ""), agent(0, 0, "")),
                bucket("2025-03-07", 1, 8, 8, "IntelliJ IDEA", chat(1, model(VendorsWireMock.TABNINE_NAMED_MODEL, 1,
                        100, 20)), agent(0, 0, "")));
        for (String quiet : List.of(SmallOrg.T_ERIN, SmallOrg.T_FRANK, SmallOrg.T_GINA)) {
            tabnineUser(quiet);
        }
    }

    @Test
    void ideRowsOfBothVendorsAreExactAndNormalised() {
        JsonPath answer = breakdown("IDE", "TOTAL", "vendor key activeUsers completionsAccepted "
                + "completionLinesAccepted chatMessages agentMessages agentLinesAccepted apportioned");
        assertEquals(List.of(
                // Tabnine: "IntelliJ IDEA" is jetbrains, "VS Code" vscode; bob's 5/6 of the 6th split 3/3 and 2/3
                "TABNINE jetbrains 2 18 20 4 2 10 true",
                "TABNINE vscode 2 7 9 0 1 3 true",
                // Windsurf: "editor" is the Windsurf Editor
                "WINDSURF jetbrains 1 11 21 6 null null false",
                "WINDSURF vscode 1 6 12 2 null null false",
                "WINDSURF windsurf 2 7 9 2 null null false"),
                rows(answer, List.of("vendor", "key", "activeUsers", "completionsAccepted", "completionLinesAccepted",
                        "chatMessages", "agentMessages", "agentLinesAccepted", "apportioned")));
    }

    @Test
    void modelRowsOfBothVendorsAreExactWithTabnineDisplayNames() {
        JsonPath answer = breakdown("MODEL", "TOTAL", "vendor key activeUsers chatMessages agentMessages credits "
                + "inputTokens outputTokens");
        assertEquals(List.of(
                "TABNINE " + UNNAMED_MODEL + " null 0 2 null 1000 200",
                "TABNINE " + VendorsWireMock.TABNINE_MODEL_NAME + " null 4 0 null 400 80",
                "TABNINE unknown null 0 1 null 0 0",
                // Cascade runs: SWE-1's 150 + 0 cents, GPT-4.1's 50
                "WINDSURF GPT-4.1 null 0 2 0.5 null null",
                "WINDSURF MODEL_CHAT_GPT_4O null 6 0 0.0 null null",
                "WINDSURF MODEL_CLAUDE_3_5_SONNET null 4 0 0.0 null null",
                "WINDSURF SWE-1 null 0 4 1.5 null null"),
                rows(answer, List.of("vendor", "key", "activeUsers", "chatMessages", "agentMessages", "credits",
                        "inputTokens", "outputTokens")));
    }

    @Test
    void ideAndModelRowsAddUpToEachVendorsUsagePerDayAndOverTheWindow() {
        Map<String, List<String>> additive = Map.of(
                "IDE", List.of("completionsAccepted", "completionLinesAccepted", "chatMessages", "agentMessages",
                        "agentLinesAccepted"),
                "MODEL", List.of("chatMessages", "agentMessages"));
        additive.forEach((dimension, figures) -> {
            for (String granularity : List.of("DAY", "TOTAL")) {
                String fields = "vendor from " + String.join(" ", figures);
                JsonPath answer = graphql("{ usageBreakdown(window: " + SmallOrg.USAGE_WINDOW + ", granularity: "
                        + granularity + ", by: " + dimension + ") { rows { " + fields + " } } usage(window: "
                        + SmallOrg.USAGE_WINDOW + ", granularity: " + granularity + ") { buckets { " + fields
                        + " } } }").body("errors", nullValue()).extract().jsonPath();
                for (String figure : figures) {
                    Map<String, Long> fromRows = sums(answer.getList("data.usageBreakdown.rows"), figure);
                    Map<String, Long> fromBuckets = sums(answer.getList("data.usage.buckets"), figure);
                    // only vendors whose rows split this figure (Windsurf IDE rows carry no agent figures)
                    List<String> splitting = vendorsSplitting(answer, figure);
                    fromBuckets.keySet().removeIf(k -> !splitting.contains(k.substring(0, k.indexOf(' '))));
                    fromBuckets.values().removeIf(v -> v == 0);
                    fromRows.values().removeIf(v -> v == 0);
                    assertFalse(fromBuckets.isEmpty(), dimension + " " + figure);
                    assertEquals(fromBuckets, fromRows, dimension + " " + granularity + " " + figure
                            + " per vendor and period");
                }
            }
        });
    }

    private static JsonPath breakdown(String dimension, String granularity, String fields) {
        return graphql("{ usageBreakdown(window: " + SmallOrg.USAGE_WINDOW + ", granularity: " + granularity
                + ", by: " + dimension + ") { dimension rows { " + fields + " } } }")
                .body("errors", nullValue()).extract().jsonPath();
    }

    /** Each row as its fields' values joined by spaces (whole numbers without a fraction), sorted. */
    private static List<String> rows(JsonPath answer, List<String> fields) {
        List<Map<String, Object>> rows = answer.getList("data.usageBreakdown.rows");
        return rows.stream().map(r -> String.join(" ", fields.stream().map(f -> text(r.get(f))).toList()))
                .sorted().toList();
    }

    private static String text(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return String.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return String.valueOf(n.doubleValue());
        }
        return String.valueOf(value);
    }

    /** The vendors some of whose rows carry {@code figure}. */
    private static List<String> vendorsSplitting(JsonPath answer, String figure) {
        List<Map<String, Object>> rows = answer.getList("data.usageBreakdown.rows");
        return rows.stream().filter(r -> r.get(figure) != null).map(r -> (String) r.get("vendor")).distinct()
                .toList();
    }

    /** Sums of {@code figure} per "vendor from"; null figures are left out. */
    private static Map<String, Long> sums(List<Map<String, Object>> rows, String figure) {
        Map<String, Long> sums = new TreeMap<>();
        rows.stream().filter(r -> r.get(figure) != null).forEach(r -> sums.merge(r.get("vendor") + " "
                + r.get("from"), ((Number) r.get(figure)).longValue(), Long::sum));
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

    /** A documented V2UsageBucket of one day; {@code ides} null as organisation answers have it. */
    private static String bucket(String day, int users, int completions, int lines, String ides, String chat,
            String agent) {
        String next = java.time.LocalDate.parse(day).plusDays(1).toString();
        return """
                {"from": "%sT00:00:00Z", "to": "%sT00:00:00Z", "activeUsers": %d,
                 "codeCompletions": {"activeUsers": %d, "completions": %d, "charsCompleted": %d, "keystrokes": %d, "lines": %d},
                 "chat": %s, "agent": %s, "ides": %s, "languages": null}""".formatted(day, next, users, users,
                completions, completions * 30, completions * 80, lines, chat, agent,
                ides == null ? "null" : "\"" + ides + "\"");
    }

    private static String chat(int messages, String models) {
        return """
                {"activeUsers": %d, "messages": %d, "linesAdded": 0, "models": [%s]}"""
                .formatted(messages > 0 ? 1 : 0, messages, models);
    }

    private static String agent(int messages, int linesAccepted, String models) {
        return """
                {"activeUsers": %d, "messages": %d, "linesAdded": %d, "linesAddedAccepted": %d, "linesRemoved": 0,
                 "linesRemovedAccepted": 0, "models": [%s]}""".formatted(messages > 0 ? 1 : 0, messages,
                linesAccepted, linesAccepted, models);
    }

    private static String model(String id, int messages, int input, int output) {
        return """
                {"model": "%s", "messages": %d, "uniqueUsers": 1, "inputTokens": %d, "outputTokens": %d}"""
                .formatted(id, messages, input, output);
    }
}
