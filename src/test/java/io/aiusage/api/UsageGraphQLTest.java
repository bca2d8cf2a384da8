package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.SmallOrg.USAGE_WINDOW;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Usage roll-ups of both vendors over {@link SmallOrg}'s fixed window (Thu 6 to Tue 11 March 2025) and per person
 * over the last seven days. Every expected figure is summed by hand from the fixtures.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class UsageGraphQLTest extends WireMockGraphQLTest {

    static final String BUCKET = "vendor from to activeUsers completionsAccepted completionLinesAccepted chatMessages "
            + "agentMessages agentLinesAccepted inputTokens outputTokens credits cost";
    /** The additive metrics: those whose DAY buckets add up to the TOTAL bucket (activeUsers counts people). */
    static final List<String> ADDITIVE = List.of("completionsAccepted", "completionLinesAccepted", "chatMessages",
            "agentMessages", "agentLinesAccepted", "inputTokens", "outputTokens", "credits", "cost");
    /** The fixed window's days and the day after it. */
    private static final List<String> DAYS = List.of("2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09",
            "2025-03-10", "2025-03-11");

    private static ValidatableResponse usage(String args) {
        return graphql("{ usage(" + args + ") { granularity buckets { " + BUCKET + " } freshness { vendor stale } } }")
                .body("errors", nullValue());
    }

    @Test
    void windsurfDailyUsage() {
        usage("window: " + USAGE_WINDOW + ", granularity: DAY, vendor: WINDSURF")
                .body("data.usage.granularity", equalTo("DAY"))
                .body("data.usage.buckets.vendor", everyItem(equalTo("WINDSURF")))
                .body("data.usage.buckets.from", contains(midnights(0, 5)))
                .body("data.usage.buckets.to", contains(midnights(1, 6)))
                // distinct api_keys of USER_DATA per day: 6th alice+bob, 7th alice, 10th dave+alice
                .body("data.usage.buckets.activeUsers", contains(2, 1, 0, 0, 2))
                // num_acceptances: 6th 10+4, 7th 5, 10th 3+2
                .body("data.usage.buckets.completionsAccepted", contains(14, 5, 0, 0, 5))
                // num_lines_accepted: 6th 20+6, 7th 9, 10th 3+4
                .body("data.usage.buckets.completionLinesAccepted", contains(26, 9, 0, 0, 7))
                .body("data.usage.buckets.chatMessages", contains(7, 0, 2, 0, 1))
                // cascade_runs messagesSent: 6th 3+1, 10th 2
                .body("data.usage.buckets.agentMessages", contains(4, 0, 0, 0, 2))
                // cascade_lines linesAccepted: 6th 30, Sunday 9th 5; the 10th has only linesSuggested
                .body("data.usage.buckets.agentLinesAccepted", contains(30, 0, 0, 5, 0))
                // promptsUsed / 100: 6th 150, 10th 50
                .body("data.usage.buckets.credits", contains(1.5, 0.0, 0.0, 0.0, 0.5))
                .body("data.usage.buckets.inputTokens", everyItem(nullValue()))
                .body("data.usage.buckets.outputTokens", everyItem(nullValue()))
                .body("data.usage.buckets.cost", everyItem(nullValue()))
                .body("data.usage.freshness.vendor", contains("WINDSURF"));
    }

    @Test
    void windsurfTotalUsageCountsEachPersonOnce() {
        usage("window: " + USAGE_WINDOW + ", granularity: TOTAL, vendor: WINDSURF")
                .body("data.usage.buckets.from", contains("2025-03-06T00:00:00Z"))
                .body("data.usage.buckets.to", contains("2025-03-11T00:00:00Z"))
                // alice, bob and dave: 3, not 2+1+2
                .body("data.usage.buckets.activeUsers", contains(3))
                .body("data.usage.buckets.completionsAccepted", contains(24))
                .body("data.usage.buckets.completionLinesAccepted", contains(42))
                .body("data.usage.buckets.chatMessages", contains(10))
                .body("data.usage.buckets.agentMessages", contains(6))
                .body("data.usage.buckets.agentLinesAccepted", contains(35))
                .body("data.usage.buckets.credits", contains(2.0));
    }

    @Test
    void windsurfWeeklyUsageSplitsAtMondayAndIsClippedToTheWindow() {
        usage("window: " + USAGE_WINDOW + ", granularity: WEEK, vendor: WINDSURF")
                // Thursday 6th to Monday 10th, then Monday 10th to the window's end
                .body("data.usage.buckets.from", contains("2025-03-06T00:00:00Z", "2025-03-10T00:00:00Z"))
                .body("data.usage.buckets.to", contains("2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z"))
                .body("data.usage.buckets.activeUsers", contains(2, 2))
                .body("data.usage.buckets.completionsAccepted", contains(14 + 5, 5))
                .body("data.usage.buckets.completionLinesAccepted", contains(26 + 9, 7))
                .body("data.usage.buckets.chatMessages", contains(7 + 2, 1))
                .body("data.usage.buckets.agentMessages", contains(4, 2))
                .body("data.usage.buckets.agentLinesAccepted", contains(30 + 5, 0))
                .body("data.usage.buckets.credits", contains(1.5, 0.5));
    }

    @Test
    void tabnineDailyUsageFillsTheDaysTabnineLeftOut() {
        usage("window: " + USAGE_WINDOW + ", granularity: DAY, vendor: TABNINE")
                .body("data.usage.buckets.vendor", everyItem(equalTo("TABNINE")))
                .body("data.usage.buckets.from", contains(midnights(0, 5)))
                .body("data.usage.buckets.activeUsers", contains(2, 1, 0, 0, 2))
                .body("data.usage.buckets.completionsAccepted", contains(12, 8, 0, 0, 5))
                .body("data.usage.buckets.completionLinesAccepted", contains(15, 8, 0, 0, 6))
                .body("data.usage.buckets.chatMessages", contains(3, 1, 0, 0, 0))
                .body("data.usage.buckets.agentMessages", contains(2, 0, 0, 0, 1))
                .body("data.usage.buckets.agentLinesAccepted", contains(10, 0, 0, 0, 3))
                // chat.models[] + agent.models[]: 6th 300+1000, 7th 100, 10th 500
                .body("data.usage.buckets.inputTokens", contains(1300, 100, 0, 0, 500))
                .body("data.usage.buckets.outputTokens", contains(260, 20, 0, 0, 100))
                // agent-usage totalCost; licensed, so days without spend cost 0.0 rather than null
                .body("data.usage.buckets.cost", contains(0.75, 0.0, 0.0, 0.0, 0.25))
                .body("data.usage.buckets.credits", everyItem(nullValue()))
                .body("data.usage.freshness.vendor", contains("TABNINE"));
    }

    @Test
    void tabnineTotalUsage() {
        usage("window: " + USAGE_WINDOW + ", granularity: TOTAL, vendor: TABNINE")
                .body("data.usage.buckets.from", contains("2025-03-06T00:00:00Z"))
                .body("data.usage.buckets.to", contains("2025-03-11T00:00:00Z"))
                .body("data.usage.buckets.activeUsers", contains(3))
                .body("data.usage.buckets.completionsAccepted", contains(25))
                .body("data.usage.buckets.completionLinesAccepted", contains(29))
                .body("data.usage.buckets.chatMessages", contains(4))
                .body("data.usage.buckets.agentMessages", contains(3))
                .body("data.usage.buckets.agentLinesAccepted", contains(13))
                .body("data.usage.buckets.inputTokens", contains(400 + 1500))
                .body("data.usage.buckets.outputTokens", contains(80 + 300))
                .body("data.usage.buckets.cost", contains(1.0))
                .body("data.usage.buckets.credits", contains(nullValue()));
    }

    @Test
    void bothVendorsDailyBucketsAddUpToTheirTotalAndAreNeverMixed() {
        // from 09:30 and to 12:00 are widened to whole days: the same five days as the fixed window
        String window = "{from: \"2025-03-06T09:30:00Z\", to: \"2025-03-10T12:00:00Z\"}";
        JsonPath json = graphql("{ day: usage(window: " + window + ", granularity: DAY) { buckets { " + BUCKET
                + " } freshness { vendor } } total: usage(window: " + window + ", granularity: TOTAL) { buckets { "
                + BUCKET + " } } }").body("errors", nullValue()).extract().jsonPath();

        // one bucket per vendor per day, ordered by day then vendor
        assertEquals(List.of("2025-03-06T00:00:00Z", "2025-03-06T00:00:00Z", "2025-03-07T00:00:00Z",
                "2025-03-07T00:00:00Z", "2025-03-08T00:00:00Z", "2025-03-08T00:00:00Z", "2025-03-09T00:00:00Z",
                "2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z", "2025-03-10T00:00:00Z"),
                json.getList("data.day.buckets.from"));
        assertEquals(List.of("WINDSURF", "TABNINE"), json.getList("data.day.buckets.vendor").subList(0, 2));
        assertEquals(List.of("WINDSURF", "TABNINE"), json.getList("data.day.freshness.vendor"));
        assertEquals(List.of("WINDSURF", "TABNINE"), json.getList("data.total.buckets.vendor"));
        for (String vendor : List.of("WINDSURF", "TABNINE")) {
            List<Map<String, Object>> days = json.getList("data.day.buckets.findAll { it.vendor == '" + vendor
                    + "' }");
            Map<String, Object> total = json.getMap("data.total.buckets.find { it.vendor == '" + vendor + "' }");
            for (String metric : ADDITIVE) {
                assertEquals(total.get(metric), sum(days, metric), vendor + " " + metric);
            }
        }
        // spot check against the single-vendor tests: 14+5+5 = 24 Windsurf, 12+8+5 = 25 Tabnine completions
        assertEquals(List.of(24, 25), json.getList("data.total.buckets.completionsAccepted"));
    }

    @Test
    void teamUsageOfAWindsurfGroupAndATabnineTeam() {
        graphql("{ ws: team(id: \"WINDSURF:engineering\") { id vendor usage(window: " + USAGE_WINDOW
                + ", granularity: TOTAL) { " + BUCKET + " } } tn: team(id: \"" + SmallOrg.BACKEND
                + "\") { id vendor usage(window: " + USAGE_WINDOW + ", granularity: TOTAL) { " + BUCKET + " } } }")
                .body("errors", nullValue())
                .body("data.ws.vendor", equalTo("WINDSURF"))
                .body("data.ws.usage.vendor", contains("WINDSURF"))
                // engineering's Custom Analytics: alice 10+5, bob 4 acceptances; lines 20+9+6; chats 5;
                // its Cascade: 3 messages, 30 lines, 150 cents of credit
                .body("data.ws.usage.activeUsers", contains(2))
                .body("data.ws.usage.completionsAccepted", contains(19))
                .body("data.ws.usage.completionLinesAccepted", contains(35))
                .body("data.ws.usage.chatMessages", contains(5))
                .body("data.ws.usage.agentMessages", contains(3))
                .body("data.ws.usage.agentLinesAccepted", contains(30))
                .body("data.ws.usage.credits", contains(1.5))
                .body("data.tn.vendor", equalTo("TABNINE"))
                .body("data.tn.usage.vendor", contains("TABNINE"))
                .body("data.tn.usage.from", contains("2025-03-06T00:00:00Z"))
                .body("data.tn.usage.activeUsers", contains(2))
                .body("data.tn.usage.completionsAccepted", contains(20))
                .body("data.tn.usage.completionLinesAccepted", contains(23))
                .body("data.tn.usage.chatMessages", contains(3))
                .body("data.tn.usage.agentMessages", contains(2))
                .body("data.tn.usage.agentLinesAccepted", contains(10))
                .body("data.tn.usage.inputTokens", contains(300 + 1000))
                .body("data.tn.usage.outputTokens", contains(60 + 200))
                .body("data.tn.usage.cost", contains(0.75));
    }

    @Test
    void rootUsageOfATeamIsThatTeamsVendorOnly() {
        usage("window: " + USAGE_WINDOW + ", granularity: TOTAL, team: \"WINDSURF:engineering\"")
                .body("data.usage.buckets.vendor", contains("WINDSURF"))
                .body("data.usage.buckets.completionsAccepted", contains(19))
                .body("data.usage.freshness.vendor", contains("WINDSURF"));
    }

    @Test
    void personUsageOverTheLastWeekForBothVendors() {
        graphql("{ people { nodes { id usage(window: " + SmallOrg.lastWeek(today) + ", granularity: TOTAL) { "
                + BUCKET + " } } } }")
                .body("errors", nullValue())
                // one bucket per vendor the person holds a seat on, Windsurf first
                .body("data.people.nodes.collect { it.usage.vendor }", contains(List.of("WINDSURF", "TABNINE"),
                        List.of("WINDSURF", "TABNINE"), List.of("WINDSURF"), List.of("WINDSURF"),
                        List.of("TABNINE"), List.of("TABNINE"), List.of("TABNINE")))
                .body("data.people.nodes.usage.flatten().from", everyItem(equalTo(today.minusDays(6) + "T00:00:00Z")))
                .body("data.people.nodes.usage.flatten().to", everyItem(equalTo(today.plusDays(1) + "T00:00:00Z")))
                // Windsurf per person (api_key rows): alice 4+6 acceptances, 5+8 lines, 3 chats; dave 2, 2, 1;
                // bob has no rows; carol has no API key. The row of a key nobody holds is dropped.
                // Tabnine per person (daily series): alice 3+7, 3+9, 2 chats, 1 agent message, 4 agent lines,
                // 100+50 in, 30+10 out; bob 5, 6, 1 chat, 40 in, 8 out; frank's day (today-20) is outside
                .body("data.people.nodes.usage.flatten().activeUsers", contains(1, 1, 0, 1, 0, 1, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().completionsAccepted", contains(10, 10, 0, 5, 0, 2, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().completionLinesAccepted",
                        contains(13, 12, 0, 6, 0, 2, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().chatMessages", contains(3, 2, 0, 1, 0, 1, 0, 0, 0))
                // Windsurf Cascade figures are null per person by design; Tabnine reports agents per user
                .body("data.people.nodes.usage.flatten().agentMessages",
                        contains(null, 1, null, 0, null, null, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().agentLinesAccepted",
                        contains(null, 4, null, 0, null, null, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().inputTokens",
                        contains(null, 150, null, 40, null, null, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().outputTokens",
                        contains(null, 40, null, 8, null, null, 0, 0, 0))
                .body("data.people.nodes.usage.flatten().credits", everyItem(nullValue()))
                .body("data.people.nodes.usage.flatten().cost", everyItem(nullValue()));
    }

    @Test
    void personDailyUsageAddsUpToTheTotal() {
        // one operation asking Person.usage twice with different arguments: each alias gets its own
        JsonPath json = graphql("{ person(email: \"alice@x.com\") { day: usage(window: " + SmallOrg.lastWeek(today)
                + ", granularity: DAY) { " + BUCKET + " } total: usage(window: " + SmallOrg.lastWeek(today)
                + ", granularity: TOTAL) { " + BUCKET + " } } }")
                .body("errors", nullValue()).extract().jsonPath();

        // seven days from today-6, Windsurf then Tabnine each day
        assertEquals(14, json.getList("data.person.day").size());
        assertEquals(today.minusDays(6) + "T00:00:00Z", json.getString("data.person.day[0].from"));
        assertEquals(today + "T00:00:00Z", json.getString("data.person.day[13].from"));
        // Windsurf rows on today-3 (4) and today-1 (6); Tabnine days today-4 (3) and today-1 (7)
        assertEquals(List.of(0, 0, 0, 4, 0, 6, 0),
                json.getList("data.person.day.findAll { it.vendor == 'WINDSURF' }.completionsAccepted"));
        assertEquals(List.of(0, 0, 3, 0, 0, 7, 0),
                json.getList("data.person.day.findAll { it.vendor == 'TABNINE' }.completionsAccepted"));
        assertEquals(List.of(0, 0, 0, 1, 0, 1, 0),
                json.getList("data.person.day.findAll { it.vendor == 'WINDSURF' }.activeUsers"));
        assertEquals(2, json.getList("data.person.total").size());
        for (String vendor : List.of("WINDSURF", "TABNINE")) {
            List<Map<String, Object>> days = json.getList("data.person.day.findAll { it.vendor == '" + vendor
                    + "' }");
            Map<String, Object> sum = json.getMap("data.person.total.find { it.vendor == '" + vendor + "' }");
            for (String metric : ADDITIVE) {
                assertEquals(sum.get(metric), sum(days, metric), vendor + " " + metric);
            }
        }
    }

    /** Midnights of {@link #DAYS}{@code [first, end)}. */
    private static Object[] midnights(int first, int end) {
        return DAYS.subList(first, end).stream().map(d -> d + "T00:00:00Z").toArray();
    }

    /**
     * The sum of one metric over buckets, typed like the TOTAL bucket's value: null when the vendor does not report
     * it, an integer for counts, a double for credits and cost.
     */
    private static Object sum(List<Map<String, Object>> buckets, String metric) {
        List<Object> values = buckets.stream().map(b -> b.get(metric)).toList();
        if (values.stream().allMatch(v -> v == null)) {
            return null;
        }
        if (values.stream().allMatch(v -> v instanceof Integer)) {
            return values.stream().mapToInt(v -> (Integer) v).sum();
        }
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
    }
}
