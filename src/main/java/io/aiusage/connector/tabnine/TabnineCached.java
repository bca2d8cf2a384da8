package io.aiusage.connector.tabnine;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tabnine's data as the connector reads it: through the window-keyed cache. Usage (organisation, team, or one user's
 * series) and agent cost are held per UTC day; distinct active users per week, month or window per period, asked at
 * that granularity (they cannot be summed from days); the user and team lists per scope.
 */
@ApplicationScoped
@RegisterForReflection(targets = { TabnineWire.User.class, TabnineWire.Team.class,
        TabnineWire.MonthUtilization.class }) // cached as JSON in Redis
class TabnineCached {

    private static final Vendor TABNINE = Vendor.TABNINE;
    static final Dataset<List<DailyUsage>> USAGE = Dataset.of(TABNINE, "usage",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());
    static final Dataset<List<DailyUsage>> AGENT_COST = Dataset.of(TABNINE, "agent-usage",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());
    static final Dataset<Long> ACTIVE_USERS = Dataset.of(TABNINE, "usage-active-users",
            new TypeReference<Long>() {
            }, 0L);
    static final Dataset<List<TabnineWire.User>> USERS = Dataset.of(TABNINE, "users",
            new TypeReference<List<TabnineWire.User>>() {
            }, List.of());
    static final Dataset<List<TabnineWire.Team>> TEAMS = Dataset.of(TABNINE, "teams",
            new TypeReference<List<TabnineWire.Team>>() {
            }, List.of());
    static final Dataset<List<TabnineWire.MonthUtilization>> UTILIZATION = Dataset.of(TABNINE,
            "account-utilizations", new TypeReference<List<TabnineWire.MonthUtilization>>() {
            }, List.of());

    private final TabnineClient client;
    private final VendorCache cache;

    TabnineCached(TabnineClient client, VendorCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** Daily usage of the organisation ({@code teamId} null) or a team: one daily call per missing run of days. */
    Fetched<List<DailyUsage>> usage(String teamId, TimeWindow window) {
        Scope scope = teamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        return cache.days(USAGE, scope(teamId), window, run -> TabnineFacts.usageDays(
                client.usage(scope, teamId, run, Granularity.DAY), run, null)).map(TabnineFacts::flatten);
    }

    /**
     * One user's daily series: every row carries the user id. Last activity and per-person usage read the same days,
     * so once the activity lookback is held, only its open days are ever asked again.
     */
    Fetched<List<DailyUsage>> userUsage(String userId, TimeWindow window) {
        return cache.days(USAGE, "user:" + userId, window, run -> TabnineFacts.usageDays(
                client.usage(Scope.USER, userId, run, Granularity.DAY), run, userId)).map(TabnineFacts::flatten);
    }

    /** Agent cost per day of the organisation or a team; no rows when the licence has no agents. */
    Fetched<List<DailyUsage>> agentCost(String teamId, TimeWindow window) {
        Scope scope = teamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        return cache.days(AGENT_COST, scope(teamId), window, run -> TabnineFacts.costDays(
                client.agentUsage(scope, teamId, run, Granularity.DAY), run)).map(TabnineFacts::flatten);
    }

    /**
     * Tabnine's distinct active users per period (weeks, months or one whole window), asked at that granularity: one
     * call per missing run of consecutive periods.
     */
    Fetched<Map<TimeWindow, Long>> activeUsers(String teamId, List<TimeWindow> periods, Granularity granularity) {
        Scope scope = teamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        return cache.periods(ACTIVE_USERS, scope(teamId), TabnineClient.granularity(granularity), periods,
                run -> TabnineFacts.activeUsers(client.usage(scope, teamId,
                        new TimeWindow(run.getFirst().from(), run.getLast().to()), granularity), run));
    }

    Fetched<List<TabnineWire.User>> organizationUsers() {
        return cache.entry(USERS, "org", "all", client::organizationUsers);
    }

    Fetched<List<TabnineWire.User>> teamUsers(String teamId) {
        return cache.entry(USERS, scope(teamId), "all", () -> client.teamUsers(teamId));
    }

    Fetched<List<TabnineWire.Team>> teams() {
        return cache.entry(TEAMS, "org", "all", client::teams);
    }

    /** Seat counts per month from {@code from} ({@code YYYY-MM}; null: Tabnine's default, the last 12 months). */
    Fetched<List<TabnineWire.MonthUtilization>> organizationUtilization(java.time.YearMonth from) {
        return cache.entry(UTILIZATION, "org", from == null ? "default" : from.toString(),
                () -> client.organizationUtilization(from));
    }

    private static String scope(String teamId) {
        return teamId == null ? "org" : "team:" + teamId;
    }
}
