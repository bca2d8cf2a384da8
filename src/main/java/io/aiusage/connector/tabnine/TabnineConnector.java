package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.DemoConfig;
import io.aiusage.config.TabnineConfig;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.quarkus.logging.Log;

/**
 * Tabnine Enterprise behind the vendor-neutral {@link VendorConnector}, plus the Tabnine-only figures (seat
 * utilisation, agent usage, user and team details).
 * <p>
 * Tabnine's user list has no activity timestamp and Tabnine has no bulk per-user usage endpoint, so last activity
 * comes from each user's daily usage over the last {@code tabnine.activity-lookback-days}, fetched with at most
 * {@code tabnine.concurrency} calls in flight and cached; per-person usage inside that lookback reads the same cached
 * series. Accounts plus per-person usage therefore cost at most one Tabnine call per person.
 */
@ApplicationScoped
public class TabnineConnector implements VendorConnector {

    private final TabnineClient client;
    private final TabnineConfig config;
    private final DemoConfig demo;
    private final Clock clock;
    private final Concurrently concurrently;
    /** Bounds the per-user fan-out for all callers together. */
    private final Semaphore inFlight;

    TabnineConnector(TabnineClient client, TabnineConfig config, DemoConfig demo, Clock clock,
            Concurrently concurrently) {
        this.client = client;
        this.config = config;
        this.demo = demo;
        this.clock = clock;
        this.concurrently = concurrently;
        this.inFlight = new Semaphore(Math.max(1, config.concurrency()));
    }

    @Override
    public Vendor vendor() {
        return Vendor.TABNINE;
    }

    @Override
    public boolean configured() {
        return config.configured();
    }

    @Override
    public boolean demo() {
        return demo.enabled();
    }

    /** {@code GET /api/v1/organization}: the cheapest authenticated call. */
    @Override
    public void ping() {
        client.organization();
    }

    /**
     * Every user of the organization. {@code activityWindow} is ignored: Tabnine has no window-dependent account
     * figure. {@code lastActiveAt} is the start of the user's last active UTC day within the lookback (day
     * precision); the status is DEACTIVATED for {@code active=false}, PENDING for {@code verified=false}, else derived
     * from that activity.
     */
    @Override
    public List<VendorAccount> accounts(TimeWindow activityWindow) {
        return withActivity(client.organizationUsers());
    }

    /** Teams with {@code memberCount} = Tabnine's {@code usersCount}. */
    @Override
    public List<Team> teams() {
        return client.teams().stream().map(TabnineMapping::team).toList();
    }

    /** Members of one team, with activity as in {@link #accounts}; NotFound names an unknown team. */
    @Override
    public List<VendorAccount> teamMembers(String localTeamId) {
        return withActivity(client.teamUsers(localTeamId));
    }

    /**
     * Organization or team usage at Tabnine's own granularity, with agent cost from agent-usage (null when the
     * licence has no agents, or when agent-usage failed: the usage figures do not depend on it). One bucket per period of {@link io.aiusage.domain.Periods#of}.
     */
    @Override
    public List<UsageBucket> usage(TimeWindow window, Granularity granularity, String localTeamId) {
        Scope scope = localTeamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        List<UsageBucket> buckets = TabnineMapping.onPeriods(
                client.usage(scope, localTeamId, window, granularity), window, granularity);
        try {
            return TabnineMapping.withCost(buckets, client.agentUsage(scope, localTeamId, window, granularity));
        } catch (VendorException e) {
            // cost is an extra: without it the usage figures still stand
            Log.warnf("Tabnine agent cost left out of %s usage: %s (%s)", scope, e.code(), e.getMessage());
            return buckets;
        }
    }

    /**
     * Per-person usage keyed by account id (the Tabnine user id); {@code activeUsers} is 1 or 0 per period. A window
     * inside the activity lookback is rolled up from the cached daily series {@link #accounts} already read, so it
     * usually costs no call at all; any other window costs one call per person. Cost is always null: it would take
     * one more agent-usage call per person.
     */
    @Override
    public Map<String, List<UsageBucket>> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        TimeWindow lookback = lookback();
        TimeWindow days = window.toWholeDays();
        boolean inLookback = !days.from().isBefore(lookback.from()) && !days.to().isAfter(lookback.to());
        List<List<UsageBucket>> usage = fanOut(accounts, account -> TabnineMapping.onPeriods(inLookback
                ? client.userDailyUsage(account.accountId(), lookback)
                : client.usage(Scope.USER, account.accountId(), window, granularity), window, granularity));
        Map<String, List<UsageBucket>> byAccount = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            byAccount.put(accounts.get(i).accountId(), usage.get(i));
        }
        return byAccount;
    }

    /** Seat counts per month from {@code from} on (null: Tabnine's default, the last 12 months). */
    public List<OrganizationUtilization> organizationUtilization(YearMonth from) {
        return client.organizationUtilization(from).stream().map(TabnineMapping::utilization).toList();
    }

    /** Tabnine's own seat counts for one team, invitations included. */
    public TeamUtilization teamUtilization(String localTeamId) {
        return client.teamUtilization(localTeamId);
    }

    /** One user's details, the only place Tabnine gives {@code createdAt}. */
    public TabnineUser user(String userId) {
        return TabnineMapping.user(client.user(userId));
    }

    /** One team by id ({@code memberCount} null when Tabnine leaves out {@code usersCount}). */
    public Team team(String localTeamId) {
        return TabnineMapping.team(client.team(localTeamId));
    }

    /** Agent tokens and cost of the organization, as Tabnine buckets them. */
    public AgentUsage organizationAgentUsage(TimeWindow window, Granularity granularity) {
        return client.agentUsage(Scope.ORGANIZATION, null, window, granularity);
    }

    /** Agent tokens and cost of one team, as Tabnine buckets them. */
    public AgentUsage teamAgentUsage(String localTeamId, TimeWindow window, Granularity granularity) {
        return client.agentUsage(Scope.TEAM, localTeamId, window, granularity);
    }

    /** Agent tokens and cost of one user, as Tabnine buckets them. */
    public AgentUsage userAgentUsage(String userId, TimeWindow window, Granularity granularity) {
        return client.agentUsage(Scope.USER, userId, window, granularity);
    }

    private List<VendorAccount> withActivity(List<TabnineWire.User> users) {
        TimeWindow lookback = lookback();
        List<Instant> lastActive = fanOut(users, user -> lastActiveAt(user, lookback));
        Instant now = clock.instant();
        List<VendorAccount> accounts = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            accounts.add(TabnineMapping.account(users.get(i), lastActive.get(i), now));
        }
        return accounts;
    }

    /** Last activity of one user; a user removed since the list was read (404) simply has none. */
    private Instant lastActiveAt(TabnineWire.User user, TimeWindow lookback) {
        try {
            return TabnineMapping.lastActiveAt(client.userDailyUsage(user.id(), lookback).buckets());
        } catch (VendorException.NotFound gone) {
            Log.debugf("Tabnine user %s vanished while reading activity", user.id());
            return null;
        }
    }

    /** Whole UTC days ending today: one fixed window per day, so every caller hits the same cache entries. */
    private TimeWindow lookback() {
        return TimeWindow.lastDays(config.activityLookbackDays(), clock.instant());
    }

    /** Applies {@code fetch} to every item, at most {@code tabnine.concurrency} calls in flight for all callers. */
    private <T, R> List<R> fanOut(List<T> items, Function<T, R> fetch) {
        return concurrently.map(items, inFlight, fetch);
    }
}
