package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15, build points 2 and 3 over WireMock, from answers in the shapes Windsurf documents: {@code codeWritten}
 * from Custom Analytics PCW_DATA ({@code percent_code_written}, {@code codeium_bytes}, {@code user_bytes}, the
 * by-autocomplete and by-command bytes, every value a string) with the language and IDE filters Windsurf spells, and
 * {@code agentToolUsage} from CascadeAnalytics {@code cascade_tool_usage} ({@code tool}, {@code count}), split
 * entries of one tool added up, a tool this gateway does not know read as UNKNOWN.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class InsightsGraphQLTest extends WireMockGraphQLTest {

    private static final String PCW = "QUERY_DATA_SOURCE_PCW_DATA";

    @Test
    void codeWrittenHasThePcwFiguresOfTheWindowForTheLanguageAndIde() {
        mocks.windsurf().stubFor(windsurf("Analytics").atPriority(1)
                .withRequestBody(matchingJsonPath("$.query_requests[0].data_source", equalTo(PCW)))
                .willReturn(json(200, """
                        {"queryResults": [{"responseItems": [{"item": {
                          "percent_code_written": "0.6", "codeium_bytes": "1500", "user_bytes": "1000",
                          "total_bytes": "2500", "codeium_bytes_by_autocomplete": "1200",
                          "codeium_bytes_by_command": "300"}}]}]}""")));

        JsonPath answer = graphql("{ codeWritten(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL, "
                + "language: \"java\", ide: \"jetbrains\") { vendor from to language ide percentCodeWritten "
                + "assistantBytes userBytes assistantBytesByAutocomplete assistantBytesByCommand } }")
                .body("errors", nullValue()).extract().jsonPath();

        List<Map<String, Object>> figures = answer.getList("data.codeWritten");
        assertEquals(1, figures.size());
        Map<String, Object> figure = figures.getFirst();
        assertEquals("WINDSURF", figure.get("vendor"));
        assertEquals(SmallOrg.USAGE_FROM, figure.get("from"));
        assertEquals(SmallOrg.USAGE_TO, figure.get("to"));
        assertEquals("java", figure.get("language"));
        assertEquals("jetbrains", figure.get("ide"));
        assertEquals(0.6, ((Number) figure.get("percentCodeWritten")).doubleValue(), 1e-9);
        assertEquals(1500L, ((Number) figure.get("assistantBytes")).longValue());
        assertEquals(1000L, ((Number) figure.get("userBytes")).longValue());
        assertEquals(1200L, ((Number) figure.get("assistantBytesByAutocomplete")).longValue());
        assertEquals(300L, ((Number) figure.get("assistantBytesByCommand")).longValue());
        // one PCW query, dated by the request's timestamps (PCW's only date filter), filters in Windsurf's spelling
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(matchingJsonPath("$.query_requests[0].data_source", equalTo(PCW))));
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/Analytics"))
                .withRequestBody(matchingJsonPath("$.start_timestamp", equalTo(SmallOrg.USAGE_FROM)))
                .withRequestBody(matchingJsonPath("$.end_timestamp", equalTo(SmallOrg.USAGE_TO)))
                .withRequestBody(matchingJsonPath(
                        "$.query_requests[0].filters[?(@.name == 'language' && @.value == 'JAVA')]"))
                .withRequestBody(matchingJsonPath(
                        "$.query_requests[0].filters[?(@.name == 'ide' && @.value == 'jetbrains')]")));
    }

    @Test
    void agentToolUsageHasOneRowPerToolWithSplitEntriesAddedUp() {
        // (a JSONPath matching the empty {} of cascade_tool_usage would never match: WireMock treats it as absent)
        mocks.windsurf().stubFor(windsurf("CascadeAnalytics").atPriority(1)
                .withRequestBody(containing("\"cascade_tool_usage\""))
                .willReturn(json(200, """
                        {"queryResults": [{"cascadeToolUsage": {"cascadeToolUsage": [
                          {"tool": "CODE_ACTION", "count": "12"},
                          {"tool": "VIEW_FILE", "count": "30"},
                          {"tool": "MCP_TOOL", "count": "7"},
                          {"tool": "CODE_ACTION", "count": "3"},
                          {"tool": "A_TOOL_ADDED_LATER", "count": "2"}
                        ]}}]}""")));

        JsonPath answer = graphql("{ agentToolUsage(window: " + SmallOrg.USAGE_WINDOW + ") { vendor from to tool "
                + "count } }").body("errors", nullValue()).extract().jsonPath();

        List<Map<String, Object>> rows = answer.getList("data.agentToolUsage");
        assertEquals(List.of("WINDSURF VIEW_FILE 30", "WINDSURF CODE_ACTION 15", "WINDSURF MCP_TOOL 7",
                "WINDSURF UNKNOWN 2"), rows.stream().map(r -> r.get("vendor") + " " + r.get("tool") + " "
                        + r.get("count")).toList());
        assertEquals(List.of(SmallOrg.USAGE_FROM), rows.stream().map(r -> r.get("from")).distinct().toList());
        assertEquals(List.of(SmallOrg.USAGE_TO), rows.stream().map(r -> r.get("to")).distinct().toList());
        mocks.windsurf().verify(1, postRequestedFor(urlEqualTo("/api/v1/CascadeAnalytics"))
                .withRequestBody(containing("\"cascade_tool_usage\""))
                .withRequestBody(matchingJsonPath("$.start_timestamp", equalTo(SmallOrg.USAGE_FROM)))
                .withRequestBody(matchingJsonPath("$.end_timestamp", equalTo(SmallOrg.USAGE_TO))));
    }
}
