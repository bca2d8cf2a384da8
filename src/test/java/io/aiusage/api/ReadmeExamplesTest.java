package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The example queries of README.md (kept in docs/examples and shown verbatim in the README) against the demo
 * emulator: each returns data, no error, and figures that agree with each other.
 */
@QuarkusTest
public class ReadmeExamplesTest {

    static final Set<String> ASSIGNED = Set.of("ACTIVE", "IDLE", "NEVER_USED");

    static String example(String name) throws IOException {
        return Files.readString(Path.of("docs/examples", name + ".graphql"));
    }

    /** The last 90 whole UTC days up to and including today. */
    static Map<String, String> last90Days() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return Map.of("from", tomorrow.minusDays(90) + "T00:00:00Z", "to", tomorrow + "T00:00:00Z");
    }

    static JsonPath run(String query, Map<String, Object> variables) {
        JsonPath json = given().contentType("application/json").body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), () -> "unexpected errors: " + json.prettify());
        return json;
    }

    @Test
    void readmeShowsEveryExampleVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String name : List.of("seat-overview", "idle-seats", "team-comparison", "person-usage",
                "overlapping-seats", "usage-breakdown", "credit-balance")) {
            assertTrue(readme.contains(example(name).strip()), "README.md must show docs/examples/" + name);
        }
    }

    @Test
    void seatOverviewAndIdleSeatsAgree() throws IOException {
        JsonPath overview = run(example("seat-overview"), Map.of());
        List<Map<String, Integer>> utilization = overview.getList("data.seats.utilization");
        assertEquals(2, utilization.size(), "one row per vendor");
        int idle = 0;
        int neverUsed = 0;
        for (Map<String, Integer> u : utilization) {
            assertTrue(u.get("assigned") > 0);
            assertEquals((int) u.get("assigned"), u.get("active") + u.get("idle") + u.get("neverUsed"));
            idle += u.get("idle");
            neverUsed += u.get("neverUsed");
        }
        JsonPath seats = run(example("idle-seats"), Map.of());
        List<Map<String, Object>> idleSeats = seats.getList("data.seats.idle");
        assertEquals(idle, idleSeats.size(), "idle list matches the idle counts");
        assertEquals(neverUsed, seats.getList("data.seats.neverUsed").size());
        Instant thirtyDaysAgo = Instant.now().minusSeconds(30L * 86400);
        for (Map<String, Object> seat : idleSeats) {
            assertTrue(Instant.parse((String) seat.get("lastActiveAt")).isBefore(thirtyDaysAgo), seat.toString());
        }
    }

    @Test
    void teamComparisonGivesOneTotalBucketPerTeam() throws IOException {
        JsonPath teams = run(example("team-comparison"), Map.of("window", last90Days()));
        List<Map<String, Object>> list = teams.getList("data.teams");
        assertTrue(list.size() >= 2);
        assertEquals(Set.of("WINDSURF", "TABNINE"), list.stream().map(t -> t.get("vendor")).collect(Collectors.toSet()));
        long teamsWithCompletions = 0;
        for (int i = 0; i < list.size(); i++) {
            List<Map<String, Object>> usage = teams.getList("data.teams[" + i + "].usage");
            assertEquals(1, usage.size(), "TOTAL is one bucket");
            if (((Number) usage.get(0).get("completionsAccepted")).longValue() > 0) {
                teamsWithCompletions++;
            }
            assertNotNull(teams.get("data.teams[" + i + "].utilization"));
        }
        assertEquals(list.size(), teamsWithCompletions, "every demo team has some activity in 90 days");
    }

    @Test
    void personUsageWeeksAddUpToTheTotal() throws IOException {
        String email = run("{ seats { overlapping { email } } }", Map.of()).getString("data.seats.overlapping[0].email");
        Map<String, Object> variables = Map.of("email", "  " + email.toUpperCase() + " ", "window", last90Days());
        JsonPath weeks = run(example("person-usage"), variables);
        assertEquals(email, weeks.getString("data.person.email"), "any case and spaces find the person");
        List<Map<String, Object>> buckets = weeks.getList("data.person.usage");
        assertFalse(buckets.isEmpty());
        JsonPath total = run("query($email: String!, $window: WindowInput!) { person(email: $email) { "
                + "usage(window: $window, granularity: TOTAL) { vendor completionsAccepted chatMessages } } }",
                variables);
        for (Map<String, Object> t : total.<Map<String, Object>>getList("data.person.usage")) {
            Map<String, Long> sums = new HashMap<>();
            buckets.stream().filter(b -> b.get("vendor").equals(t.get("vendor"))).forEach(b -> {
                sums.merge("completionsAccepted", ((Number) b.get("completionsAccepted")).longValue(), Long::sum);
                sums.merge("chatMessages", ((Number) b.get("chatMessages")).longValue(), Long::sum);
            });
            assertEquals(((Number) t.get("completionsAccepted")).longValue(), sums.get("completionsAccepted"),
                    "weekly completions of " + t.get("vendor") + " add up to the total");
            assertEquals(((Number) t.get("chatMessages")).longValue(), sums.get("chatMessages"));
        }
    }

    @Test
    void overlappingPeopleHoldAssignedSeatsOnBothVendors() throws IOException {
        List<Map<String, Object>> people = run(example("overlapping-seats"), Map.of())
                .getList("data.seats.overlapping");
        assertFalse(people.isEmpty());
        for (Map<String, Object> person : people) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> accounts = (List<Map<String, Object>>) person.get("accounts");
            Set<Object> vendors = accounts.stream().filter(a -> ASSIGNED.contains(a.get("status")))
                    .map(a -> a.get("vendor")).collect(Collectors.toSet());
            assertEquals(Set.of("WINDSURF", "TABNINE"), vendors, person.toString());
        }
    }

    @Test
    void organisationDailyBucketsAddUpToTheTotalForEachVendor() {
        String query = "query($w: WindowInput!, $g: Granularity!) { usage(window: $w, granularity: $g) { buckets { "
                + "vendor completionsAccepted completionLinesAccepted chatMessages agentMessages agentLinesAccepted "
                + "credits } } }";
        Map<String, String> window = last90Days();
        List<Map<String, Object>> days = run(query, Map.of("w", window, "g", "DAY")).getList("data.usage.buckets");
        List<Map<String, Object>> totals = run(query, Map.of("w", window, "g", "TOTAL"))
                .getList("data.usage.buckets");
        assertEquals(2, totals.size());
        assertEquals(2 * 90, days.size(), "one bucket per vendor per day");
        for (Map<String, Object> total : totals) {
            for (String metric : List.of("completionsAccepted", "completionLinesAccepted", "chatMessages",
                    "agentMessages", "agentLinesAccepted")) {
                long sum = days.stream().filter(d -> d.get("vendor").equals(total.get("vendor")))
                        .mapToLong(d -> ((Number) d.get(metric)).longValue()).sum();
                assertEquals(((Number) total.get(metric)).longValue(), sum, total.get("vendor") + " " + metric);
                assertTrue(sum > 0, total.get("vendor") + " " + metric + " should not be zero in 90 days");
            }
        }
    }

    /**
     * Issue 15, acceptance 2: the README's breakdown query over 90 days. For each vendor and week, the language rows'
     * completions add up to that vendor's completionsAccepted of the week, and so do their lines.
     */
    @Test
    void breakdownLanguageRowsAddUpToCompletionsPerVendorAndWeek() throws IOException {
        JsonPath answer = run(example("usage-breakdown"), Map.of("window", last90Days()));
        List<Map<String, Object>> rows = answer.getList("data.usageBreakdown.rows");
        List<Map<String, Object>> buckets = answer.getList("data.usage.buckets");
        assertEquals(Set.of("WINDSURF", "TABNINE"), rows.stream().map(r -> r.get("vendor")).collect(Collectors.toSet()),
                "both vendors split their completions by language");
        Map<String, Long> completions = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String period = row.get("vendor") + " " + row.get("from");
            completions.merge(period, ((Number) row.get("completionsAccepted")).longValue(), Long::sum);
            lines.merge(period, ((Number) row.get("completionLinesAccepted")).longValue(), Long::sum);
            assertFalse(((String) row.get("key")).isBlank(), row.toString());
        }
        long nonZeroWeeks = 0;
        for (Map<String, Object> bucket : buckets) {
            String period = bucket.get("vendor") + " " + bucket.get("from");
            long total = ((Number) bucket.get("completionsAccepted")).longValue();
            assertEquals(total, completions.getOrDefault(period, 0L), "language rows of " + period);
            assertEquals(((Number) bucket.get("completionLinesAccepted")).longValue(), lines.getOrDefault(period, 0L),
                    "language lines of " + period);
            nonZeroWeeks += total > 0 ? 1 : 0;
        }
        assertTrue(nonZeroWeeks >= 2 * 12, "the demo has completions on both vendors in most weeks: " + nonZeroWeeks);
        Set<String> periods = buckets.stream().map(b -> b.get("vendor") + " " + b.get("from"))
                .collect(Collectors.toSet());
        assertTrue(periods.containsAll(completions.keySet()), "every row falls in a period of the usage report");
    }

    /** The README's billing query: the cycle's credits agree with the people's credits and the seats. */
    @Test
    void creditBalanceExampleAgreesWithItself() throws IOException {
        JsonPath answer = run(example("credit-balance"), Map.of());
        List<Map<String, Object>> balances = answer.getList("data.creditBalance");
        assertEquals(1, balances.size(), "Windsurf bills in credits; Tabnine does not");
        Map<String, Object> balance = balances.get(0);
        assertEquals("WINDSURF", balance.get("vendor"));
        assertEquals(((Number) balance.get("promptCreditsPerSeat")).longValue()
                * ((Number) balance.get("seats")).longValue(), ((Number) balance.get("promptCredits")).longValue());
        assertTrue(Instant.parse((String) balance.get("cycleStart")).isBefore(Instant.now()));
        assertTrue(Instant.parse((String) balance.get("cycleEnd")).isAfter(Instant.now()));
        List<Map<String, Object>> people = answer.getList("data.creditBalance[0].people");
        assertEquals(10, people.size());
        for (int i = 1; i < people.size(); i++) {
            assertTrue(((Number) people.get(i - 1).get("promptCreditsUsed")).longValue()
                    >= ((Number) people.get(i).get("promptCreditsUsed")).longValue(), "most used first");
        }
        assertTrue(((Number) balance.get("promptCreditsUsed")).longValue()
                >= people.stream().mapToLong(p -> ((Number) p.get("promptCreditsUsed")).longValue()).sum());
        assertEquals("WINDSURF", answer.getString("data.teamCap.vendor"));
        assertEquals(Boolean.TRUE, answer.get("data.teamCap.team"));
    }
}
