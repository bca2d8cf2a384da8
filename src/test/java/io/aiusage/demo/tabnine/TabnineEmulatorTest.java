package io.aiusage.demo.tabnine;

import static io.aiusage.demo.tabnine.TabnineApi.get;
import static io.aiusage.demo.tabnine.TabnineApi.organizationId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiusage.demo.PinnedDemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The emulated Tabnine answers in the shapes of the Tabnine Platform API 6.2 spec: the {@code {data, meta}} page
 * envelope, zero-based months, the mixed snake/camel user info, usage v1 and v2 buckets and agent usage.
 */
@QuarkusTest
@TestProfile(PinnedDemoProfile.class)
class TabnineEmulatorTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void organizationHasTheDocumentedFields() {
        get("v1/organization").statusCode(200)
                .body("id", matchesPattern(UUID))
                .body("name", instanceOf(String.class))
                .body("publicKey", matchesPattern("(?s)-----BEGIN PUBLIC KEY-----.*"))
                .body("samlEnabled", instanceOf(Boolean.class))
                .body("smtpConfigured", instanceOf(Boolean.class))
                .body("usernamePasswordEnabled", instanceOf(Boolean.class))
                .body("domains", equalTo(List.of("example.com")))
                .body("planType", instanceOf(String.class));
    }

    @Test
    void teamsArePagedAndTheNextChainVisitsEveryTeamOnce() {
        List<String> ids = new ArrayList<>();
        Map<String, Object> next = Map.of("offset", 0, "limit", 3);
        int pages = 0;
        while (next != null) {
            JsonPath page = get("v1/organization/teams", next).statusCode(200)
                    .body("meta.total", equalTo(7))
                    .body("data.id", everyItem(matchesPattern(UUID)))
                    .body("data.usersCount", everyItem(instanceOf(Integer.class)))
                    .body("data.isDefaultTeam", everyItem(instanceOf(Boolean.class)))
                    .body("data", everyItem(hasKey("syncedGroupId")))
                    .extract().jsonPath();
            assertEquals(page.getList("data").size(), page.getInt("meta.count"));
            ids.addAll(page.getList("data.id"));
            next = page.getMap("meta.next");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(7, new HashSet<>(ids).size());
        assertEquals(7, ids.size());
        get("v1/organization/teams", Map.of("limit", 0)).statusCode(400).body("error", equalTo("BAD_REQUEST"));
    }

    @Test
    void organizationUsersCoverPendingAndDeactivatedUsersAndFilter() {
        JsonPath users = get("v1/organization/users", Map.of("limit", 1000)).statusCode(200)
                .body("meta.total", equalTo(180))
                .body("meta.next", nullValue())
                .body("data.id", everyItem(matchesPattern(UUID)))
                .body("data.role", everyItem(matchesPattern("Member|TeamLead|Manager|Admin")))
                .body("data.verified", everyItem(instanceOf(Boolean.class)))
                .body("data.active", everyItem(instanceOf(Boolean.class)))
                .body("data", everyItem(hasKey("deactivatedAt")))
                .body("data.updatedAt", everyItem(matchesPattern("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z")))
                .extract().jsonPath();
        List<Map<String, Object>> data = users.getList("data");
        assertTrue(data.stream().anyMatch(u -> !(Boolean) u.get("verified") && u.get("username") == null));
        assertTrue(data.stream().filter(u -> !(Boolean) u.get("active")).allMatch(u -> u.get("deactivatedAt") != null));
        assertTrue(data.stream().anyMatch(u -> !u.get("email").equals(u.get("email").toString().toLowerCase())));
        get("v1/organization/users", Map.of("teamMember", false, "limit", 1000)).statusCode(200)
                .body("data.team", everyItem(nullValue()))
                .body("data.allowedTeams", everyItem(equalTo(List.of())));
        get("v1/organization/users", Map.of("active", false, "limit", 1000)).statusCode(200)
                .body("data.active", everyItem(is(false)))
                .body("data.deactivatedAt", everyItem(notNullValue()));
    }

    @Test
    void teamEndpointsAnswerForKnownTeamsAndNotFoundOtherwise() {
        String teamId = get("v1/organization/teams").extract().path("data[1].id");
        get("v1/team/" + teamId).statusCode(200).body("$", aMapWithSize(2)).body("id", equalTo(teamId))
                .body("name", equalTo("Backend"));
        get("v1/team/" + teamId + "/users", Map.of("offset", 0, "limit", 5)).statusCode(200)
                .body("data.team.id", everyItem(equalTo(teamId)))
                .body("meta.next", equalTo(Map.of("limit", 5, "offset", 5)));
        get("v1/team/account-utilizations", Map.of("teamId", teamId)).statusCode(200)
                .body("registered", instanceOf(Integer.class))
                .body("deactivated", instanceOf(Integer.class))
                .body("invited", instanceOf(Integer.class));
        String unknown = "00000000-0000-0000-0000-000000000000";
        get("v1/team/" + unknown).statusCode(404)
                .body("error", equalTo("NOT_FOUND"))
                .body("status", equalTo(404))
                .body("message", instanceOf(String.class))
                .body("requestId", matchesPattern(UUID));
        get("v1/user/" + unknown).statusCode(404).body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void accountUtilizationsCountMonthsFromZero() {
        get("v1/organization/account-utilizations", Map.of("startDate", "2024-12")).statusCode(200)
                .body("year", equalTo(List.of(2024, 2025, 2025, 2025)))
                .body("month", equalTo(List.of(11, 0, 1, 2)))
                .body("registered", everyItem(instanceOf(Integer.class)))
                .body("deactivated", everyItem(instanceOf(Integer.class)))
                .body("active", everyItem(instanceOf(Integer.class)))
                .body("pending", everyItem(instanceOf(Integer.class)));
        get("v1/organization/account-utilizations").statusCode(200).body("size()", equalTo(12))
                .body("[0].year", equalTo(2024)).body("[0].month", equalTo(3));
        get("v1/organization/account-utilizations", Map.of("startDate", "2025-1")).statusCode(400);
    }

    @Test
    void userInfoMixesSnakeAndCamelCaseWithASingleTeamsObject() {
        Map<String, Object> member = get("v1/organization/users", Map.of("teamMember", true)).extract()
                .path("data[0]");
        String id = member.get("id").toString();
        get("v1/user/" + id).statusCode(200)
                .body("user.organization_id", equalTo(organizationId()))
                .body("user.user_id", equalTo(id))
                .body("user.email", equalTo(member.get("email")))
                .body("user.role", equalTo(member.get("role")))
                .body("user.createdAt", notNullValue())
                .body("user.updatedAt", equalTo(member.get("updatedAt")))
                .body("teams.team_id", equalTo(((Map<?, ?>) member.get("team")).get("id")))
                .body("teams.team_name", instanceOf(String.class));
    }

    @Test
    void usageV1HasTheLegacyBucketShape() {
        String user = activeUserId();
        get("v1/user/usage", Map.of("organizationId", organizationId(), "userId", user, "from",
                "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z", "granularity", "all")).statusCode(200)
                .body("userId", equalTo(user))
                .body("$", not(hasKey("teamId")))
                .body("from", equalTo("2025-03-01T00:00:00Z"))
                .body("to", equalTo("2025-04-01T00:00:00Z"))
                .body("usage.granularity", equalTo("all"))
                .body("usage.data.size()", equalTo(1))
                .body("usage.data[0].activeUsers", equalTo(1))
                .body("usage.data[0].productivityFactor", instanceOf(Float.class))
                .body("usage.data[0].instruct.acceptedCount", instanceOf(Integer.class))
                .body("usage.data[0].codeCompletions.automationFactor", instanceOf(Float.class))
                .body("usage.data[0].codeCompletions.completions", instanceOf(Integer.class))
                .body("usage.data[0].chat.interactions", instanceOf(Integer.class))
                .body("usage.data[0].chat.usefulChatInteractions", instanceOf(Integer.class))
                .body("usage.data[0].chat.chatConsumptionRate", notNullValue())
                .body("usage.data[0].agent.interactions", instanceOf(Integer.class))
                .body("usage.data[0].agent.linesAddedAccepted", instanceOf(Integer.class));
    }

    @Test
    void usageV2HasWeeklyBucketsFromMondayClippedToTheWindowWithModelsByUuid() {
        JsonPath usage = get("v2/organization/usage", Map.of("organizationId", organizationId(), "from",
                "2025-03-05T00:00:00Z", "to", "2025-03-20T00:00:00Z", "granularity", "week")).statusCode(200)
                .body("usage.granularity", equalTo("weekly"))
                .body("usage.data.from", equalTo(List.of("2025-03-05T00:00:00Z", "2025-03-10T00:00:00Z",
                        "2025-03-17T00:00:00Z")))
                .body("usage.data.to", equalTo(List.of("2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z",
                        "2025-03-20T00:00:00Z")))
                .body("usage.data.codeCompletions.completions", everyItem(instanceOf(Integer.class)))
                .body("usage.data.chat.messages", everyItem(instanceOf(Integer.class)))
                .body("usage.data.agent.linesAddedAccepted", everyItem(instanceOf(Integer.class)))
                .body("usage.data[0].chat.models.model", everyItem(matchesPattern(UUID)))
                .body("usage.data[0].agent.models.inputTokens", everyItem(instanceOf(Integer.class)))
                .body("usage.data[0].agent.models.uniqueUsers", everyItem(instanceOf(Integer.class)))
                .body("usage.data.ides", everyItem(nullValue()))
                .extract().jsonPath();
        assertEquals(DayOfWeek.MONDAY, Instant.parse(usage.getString("usage.data[1].from"))
                .atZone(ZoneOffset.UTC).getDayOfWeek());
        assertTrue(usage.getList("usage.data[0].agent.models").size() > 1);
        String user = activeUserId();
        get("v2/user/usage", Map.of("organizationId", organizationId(), "userId", user, "from",
                "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z", "granularity", "monthly")).statusCode(200)
                .body("usage.data[0].ides", instanceOf(String.class))
                .body("usage.data[0].languages", instanceOf(String.class));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hourly", "ALL", "" })
    void anUnknownGranularityIsABadRequest(String granularity) {
        get("v2/organization/usage", Map.of("organizationId", organizationId(), "from", "2025-03-01T00:00:00Z",
                "to", "2025-04-01T00:00:00Z", "granularity", granularity)).statusCode(400)
                .body("error", equalTo("BAD_REQUEST")).body("status", equalTo(400));
    }

    @Test
    void usageRejectsBadWindowsAndForeignOrganizations() {
        String org = organizationId();
        get("v2/organization/usage", Map.of("organizationId", org, "from", "2025-03-10", "to",
                "2025-04-01T00:00:00Z", "granularity", "all")).statusCode(400);
        get("v2/organization/usage", Map.of("organizationId", org, "from", "2025-04-01T00:00:00Z", "to",
                "2025-03-01T00:00:00Z", "granularity", "all")).statusCode(400);
        get("v2/organization/usage", Map.of("organizationId", "00000000-0000-0000-0000-000000000000", "from",
                "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z", "granularity", "all")).statusCode(404)
                .body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void agentUsageReportsTokensAndCostPerModel() {
        JsonPath usage = get("v1/organization/agent-usage", Map.of("startDate", "2025-03-01T00:00:00Z",
                "endDate", "2025-04-01T00:00:00Z")).statusCode(200)
                .body("organizationId", equalTo(organizationId()))
                .body("usage.granularity", equalTo("all"))
                .body("usage.data[0].activeUsers", instanceOf(Integer.class))
                .body("usage.data[0].totalTokensConsumed", notNullValue())
                .body("usage.data[0].totalCost", instanceOf(Float.class))
                .body("usage.data[0].modelBreakdown.model", everyItem(matchesPattern("[a-z0-9.-]+")))
                .body("usage.data[0].modelBreakdown.cost", everyItem(instanceOf(Float.class)))
                .extract().jsonPath();
        long input = usage.getLong("usage.data[0].totalInputTokens");
        long output = usage.getLong("usage.data[0].totalOutputTokens");
        assertEquals(input + output, usage.getLong("usage.data[0].totalTokensConsumed"));
        assertEquals(input, usage.getList("usage.data[0].modelBreakdown.inputTokens", Long.class).stream()
                .mapToLong(Long::longValue).sum());
        assertTrue(usage.getDouble("usage.data[0].totalCost") > 0);
        get("v1/team/agent-usage", Map.of("startDate", "2025-03-01T00:00:00Z", "endDate", "2025-04-01T00:00:00Z"))
                .statusCode(400);
    }

    @Test
    void aMissingOrWrongBearerTokenGetsTabninesErrorEnvelope() {
        given().when().get("/demo/tabnine/api/v1/organization").then().statusCode(401)
                .body("error", equalTo("UNAUTHORIZED"))
                .body("status", equalTo(401))
                .body("message", instanceOf(String.class))
                .body("requestId", matchesPattern(UUID));
        given().header("Authorization", "Bearer wrong").when().get("/demo/tabnine/api/v2/organization/usage")
                .then().statusCode(401).body("error", equalTo("UNAUTHORIZED"));
    }

    private static String activeUserId() {
        List<Map<String, Object>> users = get("v1/organization/users", Map.of("limit", 1000)).extract()
                .path("data");
        // an agent-using active user: check the user's v2 usage for March
        for (Map<String, Object> user : users) {
            String id = user.get("id").toString();
            Integer messages = get("v2/user/usage", Map.of("organizationId", organizationId(), "userId", id,
                    "from", "2025-03-01T00:00:00Z", "to", "2025-04-01T00:00:00Z", "granularity", "all"))
                    .extract().path("usage.data[0].agent.messages");
            if (messages != null && messages > 0) {
                return id;
            }
        }
        throw new AssertionError("no active agent user");
    }
}
