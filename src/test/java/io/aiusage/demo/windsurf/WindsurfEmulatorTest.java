package io.aiusage.demo.windsurf;

import static io.aiusage.demo.windsurf.WindsurfApi.post;
import static io.aiusage.demo.windsurf.WindsurfApi.postRaw;
import static io.aiusage.demo.windsurf.WindsurfApi.query;
import static io.aiusage.demo.windsurf.WindsurfApi.selection;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiusage.demo.PinnedDemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The emulated Windsurf answers in Windsurf's documented shapes (the example bodies of the API reference), with its
 * quirks: int64 values as strings, zero values left out, microsecond timestamps, {@code disableCodeium} only when
 * true, camelCase keys except {@code add_on_credit_cap}.
 */
@QuarkusTest
@TestProfile(PinnedDemoProfile.class)
class WindsurfEmulatorTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String MICROS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    private static final String INT64 = "[1-9]\\d*";
    private static final Map<String, String> MARCH = Map.of("start_timestamp", "2025-03-01T00:00:00Z",
            "end_timestamp", "2025-04-01T00:00:00Z");

    @Test
    void userPageAnalyticsHasTheDocumentedFieldsAndQuirks() {
        JsonPath json = post("UserPageAnalytics", MARCH).statusCode(200)
                .body("billingCycleStart", equalTo("2025-03-01T00:00:00Z"))
                .body("billingCycleEnd", equalTo("2025-04-01T00:00:00Z"))
                .body("userTableStats.name", everyItem(instanceOf(String.class)))
                .body("userTableStats.apiKey", everyItem(matchesPattern(UUID)))
                .body("userTableStats.role", everyItem(matchesPattern("admin|member")))
                .body("userTableStats.signupTime", everyItem(matchesPattern(SECONDS)))
                .body("userTableStats.teamStatus",
                        everyItem(matchesPattern("USER_TEAM_STATUS_(APPROVED|PENDING)")))
                .extract().jsonPath();
        List<Map<String, Object>> users = json.getList("userTableStats");
        assertEquals(225, users.size());
        for (Map<String, Object> user : users) {
            if (user.containsKey("lastUpdateTime")) {
                assertTrue(user.get("lastUpdateTime").toString().matches(MICROS), user::toString);
                assertTrue(user.get("lastAutocompleteUsageTime").toString().matches(SECONDS), user::toString);
            }
            // numbers are JSON numbers here, and a zero is left out rather than sent
            for (String number : List.of("activeDays", "promptCreditsUsed")) {
                if (user.containsKey(number)) {
                    assertTrue(user.get(number) instanceof Integer && (Integer) user.get(number) > 0, user::toString);
                }
            }
            // disableCodeium appears only when true
            assertTrue(!user.containsKey("disableCodeium") || Boolean.TRUE.equals(user.get("disableCodeium")));
        }
        assertTrue(users.stream().anyMatch(user -> user.containsKey("disableCodeium")));
        assertTrue(users.stream().anyMatch(user -> user.containsKey("activeDays")));
        assertTrue(users.stream().anyMatch(user -> user.containsKey("promptCreditsUsed")));
        // pending and never-active users have no activity: no activeDays, no usage times
        assertTrue(users.stream().filter(user -> "USER_TEAM_STATUS_PENDING".equals(user.get("teamStatus")))
                .allMatch(user -> !user.containsKey("activeDays") && !user.containsKey("lastUpdateTime")));
    }

    @Test
    void groupNameNarrowsUserPageAnalyticsAndUnknownGroupsAreRejected() {
        int all = post("UserPageAnalytics", Map.of()).extract().jsonPath().getList("userTableStats").size();
        int grouped = Stream.of("engineering", "platform", "data-science", "mobile")
                .mapToInt(group -> post("UserPageAnalytics", Map.of("group_name", group)).statusCode(200)
                        .extract().jsonPath().getList("userTableStats").size())
                .sum();
        assertTrue(grouped > 0 && grouped < all, grouped + " of " + all);
        post("UserPageAnalytics", Map.of("group_name", "sales")).statusCode(400)
                .body("error", equalTo("invalid group name: sales"));
        post("UserPageAnalytics", Map.of("start_timestamp", "2025-03-01")).statusCode(400)
                .body("error", equalTo("invalid timestamp format"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "UserPageAnalytics", "CascadeAnalytics", "Analytics", "GetTeamCreditBalance",
            "GetUsageConfig" })
    void aWrongOrMissingServiceKeyIsRejectedWithWindsurfsError(String endpoint) {
        postRaw(endpoint, Map.of("service_key", "not-the-key", "team_level", true)).statusCode(401)
                .body("error", equalTo("Invalid service key"));
        postRaw(endpoint, Map.of("team_level", true)).statusCode(401).body("error", equalTo("Invalid service key"));
    }

    @Test
    void cascadeAnalyticsAnswersEachQueryInOrderWithStringCountsAndOmittedZeros() {
        JsonPath json = post("CascadeAnalytics", Map.of("start_timestamp", "2025-03-01T00:00:00Z",
                "end_timestamp", "2025-04-01T00:00:00Z", "query_requests",
                List.of(Map.of("cascade_runs", Map.of()), Map.of("cascade_lines", Map.of()),
                        Map.of("cascade_tool_usage", Map.of()))))
                .statusCode(200)
                .body("queryResults[0]", hasKey("cascadeRuns"))
                .body("queryResults[1]", hasKey("cascadeLines"))
                .body("queryResults[2]", hasKey("cascadeToolUsage"))
                .body("queryResults[1].cascadeLines.cascadeLines.day",
                        everyItem(matchesPattern("2025-03-\\d{2}T00:00:00Z")))
                .body("queryResults[1].cascadeLines.cascadeLines.linesSuggested", everyItem(matchesPattern(INT64)))
                .body("queryResults[2].cascadeToolUsage.cascadeToolUsage.tool",
                        everyItem(matchesPattern("[A-Z_]+")))
                .body("queryResults[2].cascadeToolUsage.cascadeToolUsage.count", everyItem(matchesPattern(INT64)))
                .extract().jsonPath();
        List<Map<String, String>> runs = json.getList("queryResults[0].cascadeRuns.cascadeRuns");
        assertFalse(runs.isEmpty());
        for (Map<String, String> run : runs) {
            assertTrue(run.get("cascadeId").matches(UUID), run::toString);
            run.entrySet().stream().filter(e -> List.of("messagesSent", "promptsUsed").contains(e.getKey()))
                    .forEach(e -> assertTrue(e.getValue().matches(INT64), run::toString));
        }
        // SWE-1 costs no credits, so its promptsUsed (zero) is left out
        assertTrue(runs.stream().filter(run -> run.get("model").equals("SWE-1"))
                .noneMatch(run -> run.containsKey("promptsUsed")));
        // "mode and prompt data may be split across multiple entries"
        assertTrue(runs.stream().anyMatch(run -> run.get("mode").equals("UNKNOWN") && !run.containsKey("messagesSent")
                && run.containsKey("promptsUsed")));
    }

    @Test
    void cascadeAnalyticsFiltersByEmailOrGroupButNotBothAndByIdeType() {
        List<String> emails = post("UserPageAnalytics", Map.of("group_name", "platform")).extract().jsonPath()
                .getList("userTableStats.email");
        post("CascadeAnalytics", Map.of("group_name", "platform", "emails", emails, "query_requests",
                List.of(Map.of("cascade_lines", Map.of())))).statusCode(400)
                .body("error", equalTo("Cannot use both group_name and emails parameters"));
        long byGroup = suggestedLines(Map.of("group_name", "platform"));
        assertEquals(byGroup, suggestedLines(Map.of("emails", emails)));
        long editor = suggestedLines(Map.of("ide_types", List.of("editor")));
        long jetbrains = suggestedLines(Map.of("ide_types", List.of("jetbrains")));
        assertTrue(editor > 0 && jetbrains > 0);
        assertEquals(suggestedLines(Map.of()), editor + jetbrains);
    }

    @Test
    void customAnalyticsSelectsWithDefaultAliasesGroupsAndSendsEveryValueAsAString() {
        post("Analytics", Map.of("start_timestamp", "2025-03-03T00:00:00Z", "end_timestamp", "2025-03-05T00:00:00Z",
                "query_requests", List.of(
                        query("QUERY_DATA_SOURCE_USER_DATA",
                                List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM"),
                                        selection("distinct_users", "QUERY_AGGREGATION_COUNT")),
                                "aggregations", List.of(Map.of("field", "date", "name", "day"))),
                        query("QUERY_DATA_SOURCE_PCW_DATA",
                                List.of(Map.of("field", "percent_code_written", "name", "pcw"),
                                        Map.of("field", "codeium_bytes", "name", "ai_bytes"))))))
                .statusCode(200)
                .body("queryResults[0].responseItems.item.day", equalTo(List.of("2025-03-03", "2025-03-04")))
                .body("queryResults[0].responseItems.item.sum_num_acceptances", everyItem(matchesPattern(INT64)))
                .body("queryResults[0].responseItems.item.count_distinct_users", everyItem(matchesPattern(INT64)))
                .body("queryResults[1].responseItems", is(not(empty())))
                .body("queryResults[1].responseItems[0].item.pcw", matchesPattern("0\\.\\d{1,2}"))
                .body("queryResults[1].responseItems[0].item.ai_bytes", matchesPattern(INT64));
    }

    @Test
    void customAnalyticsServesChatAndCommandDataAndTheAcceptedCommandsAreASubset() {
        Map<String, Object> window = Map.of("start_timestamp", "2025-03-03T00:00:00Z",
                "end_timestamp", "2025-03-15T00:00:00Z");
        List<Map<String, String>> accepted = List.of(Map.of("name", "accepted", "filter", "QUERY_FILTER_EQUAL",
                "value", "true"));
        Map<String, Object> body = new HashMap<>(window);
        body.put("query_requests", List.of(
                query("QUERY_DATA_SOURCE_CHAT_DATA", List.of(selection("num_chats_received", "QUERY_AGGREGATION_SUM"))),
                query("QUERY_DATA_SOURCE_COMMAND_DATA", List.of(selection("lines_added", "QUERY_AGGREGATION_SUM"),
                        selection("accepted", "QUERY_AGGREGATION_COUNT"))),
                query("QUERY_DATA_SOURCE_COMMAND_DATA", List.of(selection("lines_added", "QUERY_AGGREGATION_SUM"),
                        selection("accepted", "QUERY_AGGREGATION_COUNT")), "filters", accepted)));
        JsonPath json = post("Analytics", body).statusCode(200)
                .body("queryResults[0].responseItems[0].item.sum_num_chats_received", matchesPattern(INT64))
                .body("queryResults[1].responseItems[0].item.sum_lines_added", matchesPattern(INT64))
                .body("queryResults[1].responseItems[0].item.count_accepted", matchesPattern(INT64))
                .extract().jsonPath();
        long commands = Long.parseLong(json.getString("queryResults[1].responseItems[0].item.count_accepted"));
        long acceptedCommands = Long.parseLong(json.getString("queryResults[2].responseItems[0].item.count_accepted"));
        assertTrue(Long.parseLong(json.getString("queryResults[0].responseItems[0].item.sum_num_chats_received")) > 0);
        assertTrue(acceptedCommands > 0 && acceptedCommands < commands,
                "COMMAND_DATA includes declined commands; filtering on accepted keeps a strict subset");
    }

    @Test
    void customAnalyticsSendsAZeroSumButLeavesOutEmptyItemLists() {
        List<Map<String, String>> noRows = List.of(Map.of("name", "language", "filter", "QUERY_FILTER_EQUAL",
                "value", "COBOL"));
        post("Analytics", Map.of("query_requests", List.of(
                query("QUERY_DATA_SOURCE_USER_DATA", List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM")),
                        "filters", noRows),
                query("QUERY_DATA_SOURCE_USER_DATA", List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM")),
                        "filters", noRows, "aggregations", List.of(Map.of("field", "date", "name", "date"))))))
                .statusCode(200)
                .body("queryResults[0].responseItems[0].item.sum_num_acceptances", equalTo("0"))
                .body("queryResults[1]", not(hasKey("responseItems")));
    }

    @Test
    void customAnalyticsFiltersCompareWithAllSixOperators() {
        String day = "2025-03-12";
        long all = acceptances(List.of());
        long eq = acceptances(List.of(dateFilter("QUERY_FILTER_EQUAL", day)));
        long ne = acceptances(List.of(dateFilter("QUERY_FILTER_NOT_EQUAL", day)));
        long gt = acceptances(List.of(dateFilter("QUERY_FILTER_GREATER_THAN", day)));
        long lt = acceptances(List.of(dateFilter("QUERY_FILTER_LESS_THAN", day)));
        long ge = acceptances(List.of(dateFilter("QUERY_FILTER_GE", day)));
        long le = acceptances(List.of(dateFilter("QUERY_FILTER_LE", day)));
        assertTrue(eq > 0 && gt > 0 && lt > 0);
        assertEquals(all, eq + ne);
        assertEquals(all, lt + eq + gt);
        assertEquals(ge, gt + eq);
        assertEquals(le, lt + eq);
        // numeric fields compare as numbers ("9" < "10"), booleans as booleans
        assertEquals(all, acceptances(List.of(Map.of("name", "num_acceptances", "filter", "QUERY_FILTER_GE",
                "value", "1"))));
        assertTrue(acceptances(List.of(Map.of("name", "num_acceptances", "filter", "QUERY_FILTER_GREATER_THAN",
                "value", "10"))) < all);
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of(query("QUERY_DATA_SOURCE_USERDATA", List.of(selection("num_acceptances", null))),
                        "invalid query table: QUERY_DATA_SOURCE_UNSPECIFIED"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA", List.of()),
                        "at least one field or aggregation is required"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA",
                        List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM"),
                                selection("num_lines_accepted", "QUERY_AGGREGATION_UNSPECIFIED"))),
                        "all selection fields should have an aggregation function, or none of them should"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA", List.of(selection("ide", "QUERY_AGGREGATION_SUM"))),
                        "invalid aggregation function for string type field ide: QUERY_AGGREGATION_SUM"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA",
                        List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM")), "aggregations",
                        List.of(Map.of("field", "distinct_developer_days", "name", "distinct_developer_days"))),
                        "tried to aggregate on a distinct field: distinct_developer_days. Consider aggregating on the "
                                + "non-distinct fields instead: [api_key date]"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA",
                        List.of(Map.of("field", "num_acceptances", "aggregation_function", "QUERY_AGGREGATION_SUM",
                                "name", "num_acceptances")),
                        "aggregations", List.of(Map.of("field", "api_key", "name", "num_acceptances"))),
                        "duplicate field alias for selection/aggregation: num_acceptances"),
                Arguments.of(query("QUERY_DATA_SOURCE_USER_DATA",
                        List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM"),
                                selection("num_acceptances", "QUERY_AGGREGATION_SUM"))),
                        "duplicate field alias for selection/aggregation: sum_num_acceptances"));
    }

    @ParameterizedTest
    @MethodSource("invalidQueries")
    void customAnalyticsRejectsInvalidQueriesWithTheDocumentedMessages(Map<String, Object> query, String error) {
        post("Analytics", Map.of("query_requests", List.of(query))).statusCode(400).body("error", equalTo(error));
    }

    @Test
    void teamCreditBalanceIsInIntegersForTheCurrentCycle() {
        post("GetTeamCreditBalance", Map.of()).statusCode(200)
                .body("promptCreditsPerSeat", equalTo(500))
                // the approved, enabled seats: 225 less 7 pending and 14 disabled
                .body("numSeats", allOf(instanceOf(Integer.class), equalTo(204)))
                .body("addOnCreditsAvailable", instanceOf(Integer.class))
                .body("addOnCreditsUsed", instanceOf(Integer.class))
                .body("billingCycleStart", equalTo("2025-03-01T00:00:00Z"))
                .body("billingCycleEnd", equalTo("2025-04-01T00:00:00Z"));
    }

    @Test
    void usageConfigTakesExactlyOneScopeAndAnswersEmptyWithoutACap() {
        post("GetUsageConfig", Map.of("team_level", true)).statusCode(200)
                .body("add_on_credit_cap", equalTo(2000))
                .body("$", not(hasKey("addOnCreditCap")));
        post("GetUsageConfig", Map.of("group_id", "data-science")).statusCode(200)
                .body("add_on_credit_cap", equalTo(5000));
        post("GetUsageConfig", Map.of("group_id", "mobile")).statusCode(200).body("isEmpty()", is(true));
        post("GetUsageConfig", Map.of("group_id", "sales")).statusCode(400)
                .body("error", equalTo("invalid group_id: sales"));
        String email = post("UserPageAnalytics", Map.of()).extract().jsonPath().getString("userTableStats[0].email");
        post("GetUsageConfig", Map.of("user_email", email.toUpperCase())).statusCode(200)
                .body("add_on_credit_cap", equalTo(300));
        post("GetUsageConfig", Map.of()).statusCode(400).body("error", notNullValue());
        post("GetUsageConfig", Map.of("team_level", true, "group_id", "mobile")).statusCode(400)
                .body("error", equalTo("exactly one of team_level, group_id or user_email must be set"));
    }

    @Test
    void demoModeConfiguresTheDemoGroupsForTheConnector() {
        assertEquals("engineering,platform,data-science,mobile",
                ConfigProvider.getConfig().getValue("windsurf.groups", String.class));
    }

    private static long suggestedLines(Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(scope);
        body.put("query_requests", List.of(Map.of("cascade_lines", Map.of())));
        List<String> lines = post("CascadeAnalytics", body).statusCode(200).extract().jsonPath()
                .getList("queryResults[0].cascadeLines.cascadeLines.linesSuggested");
        return lines.stream().mapToLong(Long::parseLong).sum();
    }

    private static Map<String, String> dateFilter(String operator, String day) {
        return Map.of("name", "date", "filter", operator, "value", day);
    }

    private static long acceptances(List<Map<String, String>> filters) {
        Map<String, Object> body = new HashMap<>(MARCH);
        body.put("query_requests", List.of(query("QUERY_DATA_SOURCE_USER_DATA",
                List.of(selection("num_acceptances", "QUERY_AGGREGATION_SUM")), "filters", filters)));
        return Long.parseLong(post("Analytics", body).statusCode(200).extract().jsonPath()
                .getString("queryResults[0].responseItems[0].item.sum_num_acceptances"));
    }
}
