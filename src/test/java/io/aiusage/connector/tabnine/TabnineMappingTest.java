package io.aiusage.connector.tabnine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageFacts;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.UsageRollup;
import io.aiusage.domain.Vendor;

/** Tabnine wire shapes to the domain, without Quarkus. */
class TabnineMappingTest {

    private static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

    private static TabnineWire.User user(Boolean verified, Boolean active) {
        return new TabnineWire.User("u-1", "Ada", "ada@acme.example", "Member", verified, active, null, null);
    }

    private static TabnineWire.UsageBucket day(String date, long active, long completions) {
        Instant from = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new TabnineWire.UsageBucket(from, from.plus(Duration.ofDays(1)), active,
                new TabnineWire.CodeCompletions(completions, completions + 1),
                new TabnineWire.Chat(7L, 3L, List.of(new TabnineWire.ModelUsage("m1", 100L, 10L))),
                new TabnineWire.Agent(5L, 2L, 40L, List.of(new TabnineWire.ModelUsage("m2", 1000L, null))));
    }

    @Test
    void deactivatedBeatsPendingAndBothBeatActivity() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        assertEquals(SeatStatus.DEACTIVATED, TabnineMapping.status(user(false, false), yesterday, NOW));
        assertEquals(SeatStatus.PENDING, TabnineMapping.status(user(false, true), yesterday, NOW));
        assertEquals(SeatStatus.ACTIVE, TabnineMapping.status(user(true, true), yesterday, NOW));
        assertEquals(SeatStatus.IDLE, TabnineMapping.status(user(true, true), NOW.minus(Duration.ofDays(31)), NOW));
        assertEquals(SeatStatus.NEVER_USED, TabnineMapping.status(user(null, null), null, NOW));
    }

    @Test
    void lastActivityIsTheStartOfTheLastActiveDayInsideTheLookback() {
        TimeWindow run = TimeWindow.days(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-15"));
        List<TabnineWire.ActivityBucket> buckets = List.of(active("2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z", 0),
                active("2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z", 1),
                active("2025-03-12T00:00:00+00:00", "2025-03-13T00:00:00Z", 1),
                active("2025-03-14T00:00:00Z", "2025-03-15T00:00:00Z", 0),
                active("2025-03-15T00:00:00Z", "2025-03-16T00:00:00Z", 1)); // after the run: left out
        LocalDate last = TabnineFacts.lastActiveDay(buckets, run);
        assertEquals(LocalDate.parse("2025-03-12"), last);
        assertNull(TabnineFacts.lastActiveDay(List.of(buckets.get(0), buckets.get(3)), run));
        // a bucket that began before the run counts on its first day; one that ended before it does not
        assertEquals(LocalDate.parse("2025-03-10"), TabnineFacts.lastActiveDay(
                List.of(active("2025-03-09T12:00:00Z", "2025-03-10T12:00:00Z", 1)), run));
        assertNull(TabnineFacts.lastActiveDay(List.of(active("2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z", 1)),
                run));
        assertEquals(LocalDate.parse("2025-03-11"), TabnineFacts.utcDay("2025-03-12T01:00:00+02:00"));

        TabnineActivity summary = TabnineActivity.advance(null, last, LocalDate.parse("2025-03-14"));
        assertEquals(Instant.parse("2025-03-12T00:00:00Z"), summary.lastActiveAt(run));
        // the lookback slid past the last active day: no activity inside it
        assertNull(summary.lastActiveAt(TimeWindow.days(LocalDate.parse("2025-03-13"), LocalDate.parse("2025-03-20"))));
    }

    private static TabnineWire.ActivityBucket active(String from, String to, long activeUsers) {
        return new TabnineWire.ActivityBucket(from, to, activeUsers);
    }

    @Test
    void anActivitySummaryAsksOnlyForItsOpenDaysAndKeepsTheLatestDay() {
        TimeWindow lookback = TimeWindow.days(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-21"));
        assertEquals(lookback, TabnineActivity.toRead(null, lookback));

        TabnineActivity held = new TabnineActivity(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-19"));
        assertEquals(TimeWindow.days(LocalDate.parse("2025-03-19"), LocalDate.parse("2025-03-21")),
                TabnineActivity.toRead(held, lookback));
        // nothing new in the open days: the last active day stays, the closed days move on
        assertEquals(new TabnineActivity(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-20")),
                TabnineActivity.advance(held, null, LocalDate.parse("2025-03-20")));
        assertEquals(new TabnineActivity(LocalDate.parse("2025-03-20"), LocalDate.parse("2025-03-20")),
                TabnineActivity.advance(held, LocalDate.parse("2025-03-20"), LocalDate.parse("2025-03-20")));
        // held from long ago: its closed days fell out of the lookback, which is read whole again
        TabnineActivity old = new TabnineActivity(null, LocalDate.parse("2024-06-01"));
        assertEquals(lookback, TabnineActivity.toRead(old, lookback));
    }

    @Test
    void utilizationMonthsAreZeroBased() {
        assertEquals(YearMonth.of(2025, 1),
                TabnineMapping.utilization(new TabnineWire.MonthUtilization(2025, 0, 1, 2, 3, 4)).month());
        assertEquals(YearMonth.of(2024, 12),
                TabnineMapping.utilization(new TabnineWire.MonthUtilization(2024, 11, 1, 2, 3, 4)).month());
    }

    @Test
    void v2ReadsMessagesAndSumsModelTokensWhileV1ReadsInteractionsAndHasNoTokens() {
        TabnineWire.UsageBucket wire = day("2025-03-10", 4, 50);

        assertEquals(new UsageFigures(50L, 51L, 3L, 2L, 40L, 1100L, 10L, null, null),
                TabnineFacts.figures(wire, UsageApi.V2));
        assertEquals(new UsageFigures(50L, 51L, 7L, 5L, 40L, null, null, null, null),
                TabnineFacts.figures(wire, UsageApi.V1));
    }

    @Test
    void oneUsersDailySeriesRollsUpIntoOneOrZeroActivePerPeriod() {
        TimeWindow window = TimeWindow.days(LocalDate.parse("2025-03-05"), LocalDate.parse("2025-03-19"));
        TabnineClient.UsageAnswer daily = new TabnineClient.UsageAnswer(UsageApi.V2, List.of(
                day("2025-03-04", 1, 99), // before the window: left out
                day("2025-03-05", 1, 10), day("2025-03-07", 1, 20), day("2025-03-08", 0, 0),
                day("2025-03-18", 1, 1),
                day("2025-03-19", 1, 99))); // `to` is exclusive: left out
        List<DailyUsage> rows = TabnineFacts.flatten(List.copyOf(TabnineFacts.usageDays(daily, window, "u-1")
                .values()));

        List<UsageBucket> weeks = UsageRollup.perAccount(Vendor.TABNINE,
                new UsageFacts(TabnineFacts.zero(rows), rows, null, Set.of()), List.of("u-1"),
                Periods.of(window, Granularity.WEEK)).get("u-1");

        assertEquals(List.of(1L, 0L, 1L), weeks.stream().map(UsageBucket::activeUsers).toList());
        assertEquals(List.of(30L, 0L, 1L), weeks.stream().map(UsageBucket::completionsAccepted).toList());
        assertEquals(List.of(3300L, 0L, 1100L), weeks.stream().map(UsageBucket::inputTokens).toList());
        assertEquals(List.of(Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-03-10T00:00:00Z"),
                Instant.parse("2025-03-17T00:00:00Z")), weeks.stream().map(UsageBucket::from).toList());
    }

    @Test
    void periodsWithoutAV1BucketAreEmptyWithoutTokens() {
        TimeWindow window = TimeWindow.days(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-01"));
        TabnineClient.UsageAnswer v1 = new TabnineClient.UsageAnswer(UsageApi.V1, List.of(day("2024-02-01", 3, 5)));
        List<TimeWindow> months = Periods.of(window, Granularity.MONTH);
        List<DailyUsage> rows = rows(v1.buckets(), window, UsageApi.V1);

        List<UsageBucket> buckets = UsageRollup.buckets(Vendor.TABNINE, new UsageFacts(TabnineFacts.zero(rows), rows,
                TabnineFacts.activeUsers(v1, months), Set.of()), months);

        assertEquals(new UsageBucket(Vendor.TABNINE, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"), 0L, 0L, 0L, 0L, 0L, 0L, null, null, null, null), buckets.get(0));
        assertEquals(3L, buckets.get(1).activeUsers());
    }

    @Test
    void agentCostIsSummedPerPeriodOnlyWhenLicensed() {
        TimeWindow window = TimeWindow.days(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12"));
        AgentUsage spent = new AgentUsage(true, List.of(
                point("2025-03-10T00:00:00Z", 1.5), point("2025-03-10T00:00:00Z", 0.25)));

        assertEquals(List.of(1.75, 0.0), costs(TabnineFacts.costDays(spent, window), window));
        assertEquals(Arrays.asList(null, null), costs(TabnineFacts.costDays(AgentUsage.notLicensed(), window), window));
    }

    private static List<Double> costs(Map<LocalDate, List<DailyUsage>> days, TimeWindow window) {
        List<DailyUsage> rows = TabnineFacts.flatten(List.copyOf(days.values()));
        List<TimeWindow> periods = Periods.of(window, Granularity.DAY);
        return UsageRollup.buckets(Vendor.TABNINE, new UsageFacts(TabnineFacts.zero(rows), rows, Map.of(), Set.of()),
                periods).stream().map(UsageBucket::cost).toList();
    }

    private static List<DailyUsage> rows(List<TabnineWire.UsageBucket> buckets, TimeWindow run) {
        return rows(buckets, run, UsageApi.V2);
    }

    private static List<DailyUsage> rows(List<TabnineWire.UsageBucket> buckets, TimeWindow run, UsageApi api) {
        return TabnineFacts.flatten(List.copyOf(TabnineFacts.usageDays(new TabnineClient.UsageAnswer(api, buckets),
                run, "u-1").values()));
    }

    @Test
    void userDetailsAcceptTeamsAsOneObjectOrAListAndIgnoreUnknownFields() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String user = """
                {"organization_id": "org", "user_id": "u-1", "email": "ada@acme.example", "role": "Admin",
                 "createdAt": "2024-06-01T09:15:00Z", "shoeSize": 42}""";

        TabnineUser one = TabnineMapping.user(json.readValue("""
                {"user": %s, "teams": {"team_id": "t-1", "team_name": "Platform"}}""".formatted(user),
                TabnineWire.UserInfo.class));
        TabnineUser many = TabnineMapping.user(json.readValue("""
                {"user": %s, "teams": [{"team_id": "t-1", "team_name": "Platform"}]}""".formatted(user),
                TabnineWire.UserInfo.class));
        TabnineUser none = TabnineMapping.user(json.readValue("""
                {"user": %s}""".formatted(user), TabnineWire.UserInfo.class));

        TabnineUser expected = new TabnineUser("u-1", "org", "ada@acme.example", "Admin",
                Instant.parse("2024-06-01T09:15:00Z"), null,
                List.of(new Team("TABNINE:t-1", Vendor.TABNINE, "Platform", null)));
        assertEquals(expected, one);
        assertEquals(expected, many);
        assertEquals(List.of(), none.teams());
    }

    private static AgentUsage.Point point(String from, double cost) {
        Instant start = Instant.parse(from);
        return new AgentUsage.Point(start, start.plus(Duration.ofDays(1)), 1L, 10L, 8L, 2L, cost, null);
    }
}
