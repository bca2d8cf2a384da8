package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every emulated endpoint is computed from one activity log, so the figures a client reads from different endpoints
 * agree the way the vendors' own do.
 */
@QuarkusTest
@TestProfile(PinnedDemoProfile.class)
class CrossEndpointAgreementTest {

    private static final String FROM = "2025-02-10T00:00:00Z";
    private static final String TO = "2025-03-22T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void windsurfActiveDaysEqualEachUsersDaysInDailyCustomAnalyticsRows() {
        Map<String, Integer> activeDays = new HashMap<>();
        List<Map<String, Object>> users = windsurf("UserPageAnalytics", Map.of("start_timestamp", FROM,
                "end_timestamp", TO)).getList("userTableStats");
        users.forEach(user -> activeDays.put(user.get("apiKey").toString(),
                (Integer) user.getOrDefault("activeDays", 0)));
        // one row per user and day with autocomplete, grouped by api_key and date
        List<Map<String, String>> rows = windsurf("Analytics", Map.of("start_timestamp", FROM, "end_timestamp", TO,
                "query_requests", List.of(Map.of("data_source", "QUERY_DATA_SOURCE_USER_DATA",
                        "selections", List.of(Map.of("field", "num_acceptances",
                                "aggregation_function", "QUERY_AGGREGATION_SUM")),
                        "aggregations", List.of(Map.of("field", "api_key", "name", "api_key"),
                                Map.of("field", "date", "name", "date"))))))
                .getList("queryResults[0].responseItems.item");
        Map<String, Integer> daysInRows = new HashMap<>();
        rows.forEach(row -> daysInRows.merge(row.get("api_key"), 1, Integer::sum));
        assertTrue(daysInRows.size() > 100, daysInRows::toString);
        activeDays.forEach((apiKey, days) -> assertEquals(daysInRows.getOrDefault(apiKey, 0), days, apiKey));
        // and the distinct field agrees with both
        int developerDays = Integer.parseInt(windsurf("Analytics", Map.of("start_timestamp", FROM,
                "end_timestamp", TO, "query_requests", List.of(Map.of("data_source", "QUERY_DATA_SOURCE_USER_DATA",
                        "selections", List.of(Map.of("field", "distinct_developer_days"))))))
                .getString("queryResults[0].responseItems[0].item.distinct_developer_days"));
        assertEquals(rows.size(), developerDays);
    }

    @Test
    void windsurfGroupsPartitionTheOrganisationsCustomAnalyticsSums() {
        long all = acceptances(null);
        long grouped = DemoConfig.WINDSURF_GROUPS.stream().mapToLong(CrossEndpointAgreementTest::acceptances).sum();
        assertTrue(grouped > 0 && grouped < all, grouped + " of " + all);
        long perUser = windsurf("Analytics", Map.of("query_requests", List.of(Map.of(
                "data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "num_acceptances", "aggregation_function",
                        "QUERY_AGGREGATION_SUM", "name", "n")),
                "aggregations", List.of(Map.of("field", "api_key", "name", "k"))))))
                .getList("queryResults[0].responseItems.item.n", String.class).stream().mapToLong(Long::parseLong)
                .sum();
        assertEquals(all, perUser);
    }

    @Test
    void tabnineTeamSizesMatchTheirMemberListsAndUtilisation() {
        List<Map<String, Object>> teams = tabnine("v1/organization/teams", Map.of()).getList("data");
        int members = 0;
        for (Map<String, Object> team : teams) {
            String id = team.get("id").toString();
            int usersCount = (Integer) team.get("usersCount");
            JsonPath users = tabnine("v1/team/" + id + "/users", Map.of("offset", 0, "limit", 1000));
            assertEquals(usersCount, users.getInt("meta.total"));
            assertEquals(usersCount, users.getList("data").size());
            JsonPath utilisation = tabnine("v1/team/account-utilizations", Map.of("teamId", id));
            assertEquals(usersCount, utilisation.getInt("registered") + utilisation.getInt("deactivated")
                    + utilisation.getInt("invited"));
            members += usersCount;
        }
        int unassigned = tabnine("v1/organization/users", Map.of("teamMember", false)).getInt("meta.total");
        assertEquals(tabnine("v1/organization/users", Map.of()).getInt("meta.total"), members + unassigned);
    }

    @Test
    void tabnineOrganisationUsageIsTheSumOverItsUsersAndATeamsOverItsMembers() {
        String org = tabnine("v1/organization", Map.of()).getString("id");
        Figures users = Figures.NONE;
        for (Object user : tabnine("v1/organization/users", Map.of("limit", 1000)).getList("data.id")) {
            users = users.plus(Figures.of(usage("v2/user/usage", Map.of("organizationId", org, "userId", user))));
        }
        assertTrue(users.completions() > 0 && users.agentLinesAccepted() > 0 && users.agentInputTokens() > 0);
        assertEquals(Figures.of(usage("v2/organization/usage", Map.of("organizationId", org))), users);
        // agent-usage reads the same log as usage v2
        assertEquals(users.agentInputTokens(), tabnine("v1/organization/agent-usage", Map.of("startDate", FROM,
                "endDate", TO)).getLong("usage.data[0].totalInputTokens"));

        String teamId = tabnine("v1/organization/teams", Map.of()).getString("data[1].id");
        long members = 0;
        for (Object member : tabnine("v1/team/" + teamId + "/users", Map.of("offset", 0, "limit", 1000))
                .getList("data.id")) {
            members += usage("v1/user/usage", Map.of("organizationId", org, "userId", member))
                    .at("/usage/data/0/codeCompletions/completions").asLong();
        }
        assertEquals(usage("v1/team/usage", Map.of("organizationId", org, "teamId", teamId))
                .at("/usage/data/0/codeCompletions/completions").asLong(), members);
    }

    /** Additive figures of one usage v2 bucket. */
    private record Figures(long completions, long agentLinesAccepted, long agentInputTokens) {
        static final Figures NONE = new Figures(0, 0, 0);

        static Figures of(JsonNode usage) {
            JsonNode bucket = usage.at("/usage/data/0");
            long tokens = 0;
            for (JsonNode model : bucket.at("/agent/models")) {
                tokens += model.get("inputTokens").asLong();
            }
            return new Figures(bucket.at("/codeCompletions/completions").asLong(),
                    bucket.at("/agent/linesAddedAccepted").asLong(), tokens);
        }

        Figures plus(Figures other) {
            return new Figures(completions + other.completions, agentLinesAccepted + other.agentLinesAccepted,
                    agentInputTokens + other.agentInputTokens);
        }
    }

    @Test
    void tabnineDailyBucketsAddUpToTheAllBucketAndToIsExclusive() {
        String org = tabnine("v1/organization", Map.of()).getString("id");
        for (Object user : tabnine("v1/organization/users", Map.of("limit", 1000)).getList("data.id")) {
            Map<String, Object> query = Map.of("organizationId", org, "userId", user, "from", FROM, "to", TO);
            long total = tabnine("v2/user/usage", with(query, "granularity", "all"))
                    .getLong("usage.data[0].codeCompletions.completions");
            List<Long> daily = tabnine("v2/user/usage", with(query, "granularity", "daily"))
                    .getList("usage.data.codeCompletions.completions", Long.class);
            assertEquals(40, daily.size());
            assertEquals(total, daily.stream().mapToLong(Long::longValue).sum());
            if (daily.getLast() > 0) {
                // the last day's activity is in [to - 1 day, to), and in no window that ends where that day starts
                long withoutLastDay = tabnine("v2/user/usage", Map.of("organizationId", org, "userId", user,
                        "from", FROM, "to", "2025-03-21T00:00:00Z", "granularity", "all"))
                        .getLong("usage.data[0].codeCompletions.completions");
                assertEquals(total - daily.getLast(), withoutLastDay);
                return;
            }
        }
        throw new AssertionError("nobody used Tabnine on the last day of the window");
    }

    private static long acceptances(String group) {
        Map<String, Object> body = new HashMap<>();
        if (group != null) {
            body.put("group_name", group);
        }
        body.put("query_requests", List.of(Map.of("data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "num_acceptances", "aggregation_function",
                        "QUERY_AGGREGATION_SUM")))));
        return Long.parseLong(windsurf("Analytics", body)
                .getString("queryResults[0].responseItems[0].item.sum_num_acceptances"));
    }

    /** One {@code all} bucket over the test window, read with Jackson (cheaper than JsonPath for many calls). */
    private static JsonNode usage(String path, Map<String, Object> scope) {
        Map<String, Object> query = new HashMap<>(scope);
        query.putAll(Map.of("from", FROM, "to", TO, "granularity", "all"));
        try {
            return JSON.readTree(given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN)
                    .queryParams(query).when().get("/demo/tabnine/api/" + path)
                    .then().statusCode(200).extract().asString());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> query, String key, Object value) {
        Map<String, Object> result = new HashMap<>(query);
        result.put(key, value);
        return result;
    }

    private static JsonPath windsurf(String endpoint, Map<String, Object> body) {
        Map<String, Object> withKey = new HashMap<>(body);
        withKey.put("service_key", DemoConfig.WINDSURF_SERVICE_KEY);
        return given().contentType(ContentType.JSON).body(withKey)
                .when().post("/demo/windsurf/api/v1/" + endpoint)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath tabnine(String path, Map<String, Object> query) {
        return given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN).queryParams(query)
                .when().get("/demo/tabnine/api/" + path)
                .then().statusCode(200).extract().jsonPath();
    }
}
