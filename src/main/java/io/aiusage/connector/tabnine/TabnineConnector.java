package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.DemoConfig;
import io.aiusage.config.TabnineConfig;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Freshness;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.LastResult;
import io.aiusage.domain.Periods;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFacts;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.quarkus.logging.Log;

/**
 * Tabnine Enterprise behind the vendor-neutral {@link VendorConnector}, plus the Tabnine-only figures (seat
 * utilisation, agent usage, user and team details). Everything is read through the window-keyed cache
 * ({@link TabnineCached}), usage stitched from Tabnine's v1 (before the organisation's upgrade to 6.2) and v2 APIs.
 * <p>
 * Tabnine's user list has no activity timestamp and Tabnine has no bulk per-user usage endpoint, so last activity
 * comes from each user's daily series over the last {@code tabnine.activity-lookback-days}, fetched with at most
 * {@code tabnine.concurrency} calls in flight. Only a summary of it is held ({@link TabnineActivity}: the last active
 * day and which days are closed), so after the first read only the open days are asked again. Per-person usage reads
 * daily rows for its own window, held per day. One user's read failing (429 or 5xx after the call policy's retries)
 * does not fail the others: that user's activity is unknown, reported once as a warning.
 */
@ApplicationScoped
public class TabnineConnector implements VendorConnector {

    private final TabnineClient client;
    private final TabnineCached cached;
    private final TabnineConfig config;
    private final DemoConfig demo;
    private final Clock clock;
    private final Concurrently concurrently;
    /** Bounds the per-user fan-out for all callers together. */
    private final Semaphore inFlight;
    private final LastResult<Fetched<List<VendorAccount>>> lastAccounts = new LastResult<>();

    TabnineConnector(TabnineClient client, TabnineCached cached, TabnineConfig config, DemoConfig demo, Clock clock,
            Concurrently concurrently) {
        this.client = client;
        this.cached = cached;
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

    /** {@code GET /api/v1/organization}: the cheapest authenticated call. Never cached: it is a check. */
    @Override
    public void ping() {
        client.organization();
    }

    /**
     * Every user of the organization. {@code activityWindow} is ignored: Tabnine has no window-dependent account
     * figure. {@code lastActiveAt} is the start of the user's last active UTC day within the lookback (day
     * precision); the status is DEACTIVATED for {@code active=false}, PENDING for {@code verified=false}, else derived
     * from that activity (ACTIVE, with lastActiveAt null, when the activity could not be read).
     */
    @Override
    public Fetched<List<VendorAccount>> accounts(TimeWindow activityWindow) {
        Fetched<List<TabnineWire.User>> users = cached.organizationUsers();
        // the same accounts while the user list and every summary are unchanged and none is due for a refresh
        return lastAccounts.get(List.of(users.value()), List.of(lookback(), cached.activityReads()), clock.instant(),
                () -> withActivity(users), accounts -> accounts.warnings().isEmpty()
                        ? cached.activityRefreshDueAt(accounts.freshness().fetchedAt()) : null, Fetched::fromCache);
    }

    /** Teams with {@code memberCount} = Tabnine's {@code usersCount}. */
    @Override
    public Fetched<List<Team>> teams() {
        return cached.teams().map(teams -> teams.stream().map(TabnineMapping::team).toList());
    }

    /** Members of one team, with activity as in {@link #accounts}; NotFound names an unknown team. */
    @Override
    public List<VendorAccount> teamMembers(String localTeamId) {
        return withActivity(cached.teamUsers(localTeamId)).value();
    }

    /**
     * Organization or team facts: daily usage, daily agent cost (none when the licence has no agents; left out with a
     * warning when agent-usage fails, since the usage figures do not depend on it) and, for weeks, months or a whole
     * window, Tabnine's distinct active users asked at that granularity. The three are asked at once. Days read from
     * v1 (before the organisation's upgrade to 6.2) report no tokens: they are null there, not 0.
     */
    @Override
    public Fetched<UsageFacts> usage(TimeWindow window, Granularity granularity, String localTeamId) {
        List<TimeWindow> periods = Periods.of(window, granularity);
        List<Supplier<Fetched<?>>> parts = new ArrayList<>();
        parts.add(() -> cached.usage(localTeamId, window));
        parts.add(() -> costOrNone(localTeamId, window));
        if (granularity != Granularity.DAY) {
            parts.add(() -> cached.activeUsers(localTeamId, periods, granularity));
        }
        List<Fetched<?>> answers = concurrently.map(parts, inFlight, Supplier::get);
        @SuppressWarnings("unchecked")
        List<DailyUsage> usage = (List<DailyUsage>) answers.get(0).value();
        @SuppressWarnings("unchecked")
        List<DailyUsage> cost = (List<DailyUsage>) answers.get(1).value();
        Map<TimeWindow, Long> active = new HashMap<>();
        if (granularity == Granularity.DAY) {
            usage.forEach(row -> active.put(TimeWindow.days(row.day(), row.day().plusDays(1)), row.activeUsers()));
        } else {
            @SuppressWarnings("unchecked")
            Map<TimeWindow, Long> perPeriod = (Map<TimeWindow, Long>) answers.get(2).value();
            active.putAll(perPeriod);
        }
        List<DailyUsage> rows = new ArrayList<>(usage);
        rows.addAll(cost);
        UsageFigures zero = TabnineFacts.zero(rows);
        UsageFacts facts = new UsageFacts(zero, rows, active, Set.of(), TabnineFacts.zeroByDay(usage, zero));
        return answers.get(0).map(x -> facts).with(answers);
    }

    /**
     * Per-person facts from each user's daily series over the window (held per day: one call per person for the days
     * not held yet, none once they are). Cost is always null: it would take one more
     * agent-usage call per person. A user whose series fails is left out with a warning, not shown as zero.
     */
    @Override
    public Fetched<UsageFacts> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        List<Series<List<DailyUsage>>> series = fanOut(accounts.stream().map(VendorAccount::accountId).toList(),
                id -> cached.userUsage(id, window));
        List<DailyUsage> rows = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        for (Series<List<DailyUsage>> one : series) {
            if (one.fetched() != null) {
                rows.addAll(one.fetched().value());
            } else {
                unknown.add(one.userId());
            }
        }
        UsageFigures zero = TabnineFacts.zero(rows);
        UsageFacts facts = new UsageFacts(zero, rows, null, unknown, TabnineFacts.zeroByDay(rows, zero));
        return combine(series, facts, "Tabnine did not give the usage of %d user(s); their buckets are left out");
    }

    /** Seat counts per month from {@code from} on (null: Tabnine's default, the last 12 months). */
    public List<OrganizationUtilization> organizationUtilization(YearMonth from) {
        return cached.organizationUtilization(from).value().stream().map(TabnineMapping::utilization).toList();
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

    /** Accounts with the last activity of each user's summary; users whose activity failed get an unknown one. */
    private Fetched<List<VendorAccount>> withActivity(Fetched<List<TabnineWire.User>> users) {
        List<TabnineWire.User> list = users.value();
        TimeWindow lookback = lookback();
        List<String> ids = list.stream().map(TabnineWire.User::id).toList();
        List<Fetched<TabnineActivity>> held = cached.heldActivity(ids);
        List<Series<TabnineActivity>> series = new ArrayList<>(list.size());
        List<String> toRead = new ArrayList<>();
        Set<String> unlikelyActive = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            series.add(held.get(i) == null ? null : new Series<>(ids.get(i), held.get(i), null));
            if (held.get(i) == null) {
                toRead.add(ids.get(i));
                if (!TabnineMapping.joinedAndActive(list.get(i))) {
                    unlikelyActive.add(ids.get(i));
                }
            }
        }
        Iterator<Series<TabnineActivity>> read = fanOut(toRead,
                id -> cached.userActivity(id, lookback, !unlikelyActive.contains(id))).iterator();
        series.replaceAll(one -> one != null ? one : read.next());
        Instant now = clock.instant();
        List<VendorAccount> accounts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Series<TabnineActivity> one = series.get(i);
            accounts.add(one.fetched() == null && one.failure() != null
                    ? TabnineMapping.activityUnknown(list.get(i), now)
                    : TabnineMapping.account(list.get(i),
                            one.fetched() == null ? null : one.fetched().value().lastActiveAt(lookback), now));
        }
        Fetched<List<VendorAccount>> activity = combine(series, List.copyOf(accounts), "Tabnine did not give the "
                + "activity of %d user(s); their lastActiveAt is null and they count as ACTIVE until it can be read");
        return users.map(x -> activity.value()).with(List.of(activity));
    }

    /**
     * One read per user ({@code read}), at most {@code tabnine.concurrency} calls in flight. A 429 or 5xx (after the
     * call policy's retries) leaves that user's answer unknown instead of failing every user; a user removed since the
     * list was read (404) simply has none.
     */
    private <T> List<Series<T>> fanOut(List<String> userIds, Function<String, Fetched<T>> read) {
        return concurrently.map(userIds, inFlight, id -> {
            try {
                return new Series<>(id, read.apply(id), null);
            } catch (VendorException.NotFound gone) {
                Log.debugf("Tabnine user %s vanished while reading activity", id);
                return new Series<>(id, null, null);
            } catch (VendorException.RateLimited | VendorException.Unavailable failure) {
                return new Series<>(id, null, failure);
            }
        });
    }

    /**
     * {@code value} with the freshness of every series read and one warning per failure code for the users whose
     * series failed ({@code message} takes their number).
     */
    private <T> Fetched<T> combine(List<? extends Series<?>> series, T value, String message) {
        List<Fetched<?>> read = series.stream().map(Series::fetched).filter(f -> f != null)
                .<Fetched<?>> map(f -> f).toList();
        Fetched<T> result = Fetched.live(Vendor.TABNINE, value, clock.instant()).with(read);
        Map<String, List<VendorException>> failed = new LinkedHashMap<>();
        series.stream().filter(s -> s.failure() != null)
                .forEach(s -> failed.computeIfAbsent(s.failure().code(), c -> new ArrayList<>()).add(s.failure()));
        List<VendorWarning> warnings = new ArrayList<>(result.warnings());
        failed.values().forEach(failures -> {
            Log.warnf("Tabnine: %d user series failed (%s)", failures.size(), failures.getFirst().code());
            warnings.add(VendorWarning.partial(failures.getFirst(), message.formatted(failures.size())));
        });
        return new Fetched<>(value, result.freshness(), warnings);
    }

    /** Agent cost, or none with a warning when agent-usage fails: the usage figures do not depend on it. */
    private Fetched<List<DailyUsage>> costOrNone(String localTeamId, TimeWindow window) {
        try {
            return cached.agentCost(localTeamId, window);
        } catch (VendorException e) {
            Log.warnf("Tabnine agent cost left out of usage: %s (%s)", e.code(), e.getMessage());
            return new Fetched<>(List.of(), Freshness.live(Vendor.TABNINE, clock.instant()),
                    List.of(VendorWarning.partial(e, "Tabnine agent cost is left out (cost is null)")));
        }
    }

    /** Whole UTC days ending today: one fixed window per day, so every caller reads the same day entries. */
    private TimeWindow lookback() {
        return TimeWindow.lastDays(config.activityLookbackDays(), clock.instant());
    }

    /** One user's answer: read ({@code fetched}), failed ({@code failure}), or gone (both null). */
    private record Series<T>(String userId, Fetched<T> fetched, VendorException failure) {
    }
}
