package io.aiusage.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.config.DemoConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The agreements of {@link CrossEndpointAgreementTest}, on a 50,000-person organisation (about 37,500 Windsurf seats
 * and 30,000 Tabnine users, generated once for this class): what the indexes and daily aggregates answer at that size
 * is what the activity log says. Windsurf is checked for every user, Tabnine's user list is paged through as the
 * gateway pages it, and Tabnine usage is checked over one team's members. No timing is asserted.
 */
@QuarkusTest
@TestProfile(LargeOrganisationAgreementTest.FiftyThousandPeople.class)
class LargeOrganisationAgreementTest {

    /** The pinned demo organisation, at 50,000 people. */
    public static class FiftyThousandPeople implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(new PinnedDemoProfile().getConfigOverrides());
            overrides.put("demo.people", "50000");
            return overrides;
        }
    }

    private static final String FROM = "2025-02-10T00:00:00Z";
    private static final String TO = "2025-03-22T00:00:00Z";
    /** The gateway's defaults for Tabnine's user list: 100 per page, at most 1,000 pages. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DemoData data;

    /** Generated once for the application, here rather than inside the first request (which would time out). */
    @BeforeEach
    void generate() {
        data.organisation();
    }

    @Test
    void everyWindsurfUsersActiveDaysEqualTheirDaysInDailyCustomAnalyticsRows() {
        // a window that starts and ends inside a day, so that partial days count as the vendor counts them
        Map<String, Object> window = Map.of("start_timestamp", "2025-03-10T11:00:00Z",
                "end_timestamp", "2025-03-24T14:00:00Z");
        JsonNode users = windsurf("UserPageAnalytics", window).get("userTableStats");
        assertTrue(users.size() > 30_000, () -> users.size() + " seats");
        Map<String, Integer> daysInRows = new HashMap<>();
        JsonNode rows = windsurf("Analytics", with(window, "query_requests", List.of(Map.of(
                "data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "num_acceptances", "aggregation_function",
                        "QUERY_AGGREGATION_SUM")),
                "aggregations", List.of(Map.of("field", "api_key", "name", "api_key"),
                        Map.of("field", "date", "name", "date"))))))
                .at("/queryResults/0/responseItems");
        rows.forEach(row -> daysInRows.merge(row.at("/item/api_key").asText(), 1, Integer::sum));
        assertTrue(daysInRows.size() > 20_000, () -> daysInRows.size() + " active users");
        List<String> disagreeing = new ArrayList<>();
        long activeDays = 0;
        for (JsonNode user : users) {
            String apiKey = user.get("apiKey").asText();
            int days = user.path("activeDays").asInt(0);
            activeDays += days;
            if (days != daysInRows.getOrDefault(apiKey, 0)) {
                disagreeing.add(apiKey + ": " + days + " active days, " + daysInRows.get(apiKey) + " in rows");
            }
        }
        assertEquals(List.of(), disagreeing.subList(0, Math.min(10, disagreeing.size())));
        assertEquals(rows.size(), activeDays);
        // and the distinct field agrees with both
        assertEquals(rows.size(), windsurf("Analytics", with(window, "query_requests", List.of(Map.of(
                "data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "distinct_developer_days"))))))
                .at("/queryResults/0/responseItems/0/item/distinct_developer_days").asLong());
    }

    @Test
    void windsurfGroupsPartitionTheOrganisationsCustomAnalyticsSums() {
        Map<String, Object> window = Map.of("start_timestamp", "2025-03-10T00:00:00Z",
                "end_timestamp", "2025-03-24T00:00:00Z");
        long all = acceptances(window);
        long grouped = DemoConfig.WINDSURF_GROUPS.stream()
                .mapToLong(group -> acceptances(with(window, "group_name", group))).sum();
        assertTrue(grouped > 0 && grouped < all, grouped + " of " + all);
        long perUser = 0;
        JsonNode items = windsurf("Analytics", with(window, "query_requests", List.of(Map.of(
                "data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "num_acceptances", "aggregation_function",
                        "QUERY_AGGREGATION_SUM", "name", "n")),
                "aggregations", List.of(Map.of("field", "api_key", "name", "k"))))))
                .at("/queryResults/0/responseItems");
        for (JsonNode item : items) {
            perUser += item.at("/item/n").asLong();
        }
        assertTrue(items.size() > 25_000, () -> items.size() + " users with activity");
        assertEquals(all, perUser);
    }

    @Test
    void tabninesUserListPagesThroughEveryUserOnceWithinTheGatewaysPageCap() {
        int total = -1;
        Set<String> ids = new HashSet<>();
        JsonNode next = JSON.valueToTree(Map.of("offset", 0, "limit", PAGE_SIZE));
        int pages = 0;
        while (!next.isNull()) {
            JsonNode page = tabnine("v1/organization/users", Map.of("offset", next.get("offset").asInt(),
                    "limit", next.get("limit").asInt()));
            total = page.at("/meta/total").asInt();
            assertEquals(page.get("data").size(), page.at("/meta/count").asInt());
            page.get("data").forEach(user -> assertTrue(ids.add(user.get("id").asText()), user::toString));
            next = page.at("/meta/next");
            pages++;
            assertTrue(pages <= MAX_PAGES, "more pages than the gateway reads");
        }
        assertTrue(total > 25_000, total + " users");
        assertEquals(total, ids.size());
        assertEquals((total + PAGE_SIZE - 1) / PAGE_SIZE, pages);

        int members = 0;
        for (JsonNode team : tabnine("v1/organization/teams", Map.of()).get("data")) {
            String id = team.get("id").asText();
            int usersCount = team.get("usersCount").asInt();
            assertEquals(usersCount, tabnine("v1/team/" + id + "/users", Map.of("limit", 1)).at("/meta/total").asInt());
            JsonNode utilisation = tabnine("v1/team/account-utilizations", Map.of("teamId", id));
            assertEquals(usersCount, utilisation.get("registered").asInt() + utilisation.get("deactivated").asInt()
                    + utilisation.get("invited").asInt());
            members += usersCount;
        }
        int unassigned = tabnine("v1/organization/users", Map.of("teamMember", false)).at("/meta/total").asInt();
        assertEquals(total, members + unassigned);
    }

    @Test
    void aTabnineTeamsUsageIsTheSumOverItsMembers() {
        String org = tabnine("v1/organization", Map.of()).get("id").asText();
        List<JsonNode> teams = new ArrayList<>();
        tabnine("v1/organization/teams", Map.of()).get("data").forEach(teams::add);
        JsonNode smallest = teams.stream().min(Comparator.comparingInt(team -> team.get("usersCount").asInt()))
                .orElseThrow();
        String teamId = smallest.get("id").asText();
        long completions = 0;
        long agentLinesAccepted = 0;
        long agentInputTokens = 0;
        int activeUsers = 0;
        for (JsonNode member : members(teamId)) {
            JsonNode bucket = tabnine("v2/user/usage", Map.of("organizationId", org,
                    "userId", member.get("id").asText(), "from", FROM, "to", TO, "granularity", "all"))
                    .at("/usage/data/0");
            completions += bucket.at("/codeCompletions/completions").asLong();
            agentLinesAccepted += bucket.at("/agent/linesAddedAccepted").asLong();
            agentInputTokens += inputTokens(bucket.at("/agent/models"));
            activeUsers += bucket.get("activeUsers").asInt();
        }
        assertTrue(smallest.get("usersCount").asInt() > 500 && completions > 0 && agentInputTokens > 0);
        JsonNode team = tabnine("v2/team/usage", Map.of("organizationId", org, "teamId", teamId, "from", FROM,
                "to", TO, "granularity", "all")).at("/usage/data/0");
        assertEquals(completions, team.at("/codeCompletions/completions").asLong());
        assertEquals(agentLinesAccepted, team.at("/agent/linesAddedAccepted").asLong());
        assertEquals(agentInputTokens, inputTokens(team.at("/agent/models")));
        assertEquals(activeUsers, team.get("activeUsers").asInt());
        // agent-usage reads the same log as usage v2
        assertEquals(agentInputTokens, tabnine("v1/team/agent-usage", Map.of("teamId", teamId, "startDate", FROM,
                "endDate", TO)).at("/usage/data/0/totalInputTokens").asLong());
    }

    @Test
    void tabnineDailyBucketsAddUpToTheAllBucket() {
        String org = tabnine("v1/organization", Map.of()).get("id").asText();
        Map<String, Object> window = Map.of("organizationId", org, "from", FROM, "to", TO);
        JsonNode all = tabnine("v2/organization/usage", with(window, "granularity", "all")).at("/usage/data/0");
        JsonNode daily = tabnine("v2/organization/usage", with(window, "granularity", "daily")).at("/usage/data");
        assertEquals(40, daily.size());
        long completions = 0;
        int mostActive = 0;
        for (JsonNode day : daily) {
            completions += day.at("/codeCompletions/completions").asLong();
            mostActive = Math.max(mostActive, day.get("activeUsers").asInt());
        }
        assertEquals(all.at("/codeCompletions/completions").asLong(), completions);
        // users active on several days are counted once in the window
        int activeInWindow = all.get("activeUsers").asInt();
        assertTrue(mostActive < activeInWindow, mostActive + " on the busiest day, " + activeInWindow + " in all");
    }

    private List<JsonNode> members(String teamId) {
        List<JsonNode> members = new ArrayList<>();
        for (int offset = 0;; offset += 1000) {
            JsonNode page = tabnine("v1/team/" + teamId + "/users", Map.of("offset", offset, "limit", 1000));
            page.get("data").forEach(members::add);
            if (page.at("/meta/next").isNull()) {
                return members;
            }
        }
    }

    private static long inputTokens(JsonNode models) {
        long tokens = 0;
        for (JsonNode model : models) {
            tokens += model.get("inputTokens").asLong();
        }
        return tokens;
    }

    private long acceptances(Map<String, Object> scope) {
        return windsurf("Analytics", with(scope, "query_requests", List.of(Map.of(
                "data_source", "QUERY_DATA_SOURCE_USER_DATA",
                "selections", List.of(Map.of("field", "num_acceptances", "aggregation_function",
                        "QUERY_AGGREGATION_SUM"))))))
                .at("/queryResults/0/responseItems/0/item/sum_num_acceptances").asLong();
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> result = new HashMap<>(map);
        result.put(key, value);
        return result;
    }

    private JsonNode windsurf(String endpoint, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve("demo/windsurf/api/v1/" + endpoint))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                            with(body, "service_key", DemoConfig.WINDSURF_SERVICE_KEY)))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode tabnine(String path, Map<String, Object> query) {
        StringBuilder uri = new StringBuilder("demo/tabnine/api/").append(path);
        String separator = "?";
        for (Map.Entry<String, Object> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(String.valueOf(parameter.getValue()), StandardCharsets.UTF_8));
            separator = "&";
        }
        return send(HttpRequest.newBuilder(base.resolve(uri.toString()))
                .header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN).GET());
    }

    /**
     * The JDK's client and Jackson rather than RestAssured and JsonPath: this test makes over a thousand calls, and
     * some answers are tens of megabytes.
     */
    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
