package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.config.CacheConfig;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tabnine's data as the connector reads it: through the window-keyed cache. Usage (organisation, team, or one user's
 * series) and agent cost are held per UTC day; distinct active users per week, month or window per period, asked at
 * that granularity (they cannot be summed from days); the user and team lists per scope.
 * <p>
 * Usage is stitched from Tabnine's two usage APIs here, above the cache: {@link UsageApiDetector} says which API
 * serves which days, a window is cut at the boundary, and each part is read from its own API through its own cache
 * entries (the dataset names the API: {@code usage-v1}, {@code usage-v2}). A day is therefore held once per API that
 * ever served it, and a boundary that moves (an upgrade noticed on re-detection) never serves a day cached from the
 * wrong API. In a stitched organisation a 404 from v1 for a team or user means v1 has no history for it (created after
 * the upgrade): its v1 days are empty, not an error.
 */
@ApplicationScoped
@RegisterForReflection(targets = { TabnineWire.User.class, TabnineWire.Team.class,
        TabnineWire.MonthUtilization.class, TabnineActivity.class }) // cached as JSON in Redis
class TabnineCached {

    private static final Vendor TABNINE = Vendor.TABNINE;
    static final Dataset<List<DailyUsage>> USAGE_V1 = usage("usage-v1");
    static final Dataset<List<DailyUsage>> USAGE_V2 = usage("usage-v2");
    static final Dataset<List<DailyUsage>> AGENT_COST = usage("agent-usage");
    static final Dataset<Long> ACTIVE_USERS_V1 = activeUsers("usage-v1-active-users");
    static final Dataset<Long> ACTIVE_USERS_V2 = activeUsers("usage-v2-active-users");
    static final Dataset<TabnineActivity> ACTIVITY = Dataset.of(TABNINE, "user-activity",
            new TypeReference<TabnineActivity>() {
            }, new TabnineActivity(null, null));
    static final Dataset<List<TabnineWire.User>> USERS = Dataset.of(TABNINE, "users",
            new TypeReference<List<TabnineWire.User>>() {
            }, List.of());
    static final Dataset<List<TabnineWire.Team>> TEAMS = Dataset.of(TABNINE, "teams",
            new TypeReference<List<TabnineWire.Team>>() {
            }, List.of());
    static final Dataset<List<TabnineWire.MonthUtilization>> UTILIZATION = Dataset.of(TABNINE,
            "account-utilizations", new TypeReference<List<TabnineWire.MonthUtilization>>() {
            }, List.of());

    /** Days of a user's series read daily at once when looking for last activity; a longer span is probed. */
    static final int PROBE_DAYS = 31;

    private final TabnineClient client;
    private final UsageApiDetector apis;
    private final VendorCache cache;
    private final Clock clock;
    private final Duration refreshLag;
    private final AtomicLong activityReads = new AtomicLong();

    TabnineCached(TabnineClient client, UsageApiDetector apis, VendorCache cache, Clock clock, CacheConfig config) {
        this.client = client;
        this.apis = apis;
        this.cache = cache;
        this.clock = clock;
        this.refreshLag = config.lifetimes(TABNINE).refreshLag();
    }

    /** Daily usage of the organisation ({@code teamId} null) or a team: one daily call per missing run of days. */
    Fetched<List<DailyUsage>> usage(String teamId, TimeWindow window) {
        return days(teamId == null ? Scope.ORGANIZATION : Scope.TEAM, teamId, scope(teamId), window, null);
    }

    /**
     * One user's daily series over {@code window}: every row carries the user id. Held per day, so a window is asked
     * for once per person and afterwards only its open days. (Last activity keeps its own summary, not these rows.)
     */
    Fetched<List<DailyUsage>> userUsage(String userId, TimeWindow window) {
        return days(Scope.USER, userId, "user:" + userId, window, userId);
    }

    /**
     * One user's activity summary, kept up to date incrementally: the first read looks over {@code lookback}, later
     * reads only at the days that were still open. It lives {@code reference-ttl} and is refreshed ahead like every
     * entry. {@code recentFirst} orders the first read's calls for who the user probably is (see
     * {@link #lastActiveDay}); the answer is the same either way.
     */
    Fetched<TabnineActivity> userActivity(String userId, TimeWindow lookback, boolean recentFirst) {
        return cache.entry(ACTIVITY, "user:" + userId, "last-activity", before -> {
            activityReads.incrementAndGet();
            LocalDate openFrom = LocalDate.ofInstant(clock.instant().minus(refreshLag), ZoneOffset.UTC);
            TimeWindow read = TabnineActivity.toRead(before, lookback);
            return TabnineActivity.advance(before,
                    read == null ? null : lastActiveDay(userId, read, recentFirst), openFrom);
        });
    }

    /** How many activity summaries were read from Tabnine so far: what users' accounts are derived from changed. */
    long activityReads() {
        return activityReads.get();
    }

    /** When summaries fetched at {@code fetchedAt} are due for a refresh ahead (and so read through a fetch again). */
    Instant activityRefreshDueAt(Instant fetchedAt) {
        return cache.refreshDueAt(TABNINE, fetchedAt);
    }

    /** Each user's activity summary if held fresh (no call, no refresh due), else null: read that with the above. */
    List<Fetched<TabnineActivity>> heldActivity(List<String> userIds) {
        return cache.held(ACTIVITY, userIds.stream().map(id -> "user:" + id).toList(), "last-activity");
    }

    /**
     * The user's last active day in {@code window}, newest API part first (activity there makes the older part
     * moot). A part longer than {@link #PROBE_DAYS} is read in one of two orders. {@code recentFirst}: its last
     * {@code PROBE_DAYS} days daily (a user active lately costs this one call), then, only if they show nothing, one
     * monthly call over the earlier days finds the last active month and one daily call that month's last active day.
     * Otherwise (users unlikely to have been active lately: invited but not joined, deactivated): the monthly call
     * over the whole part first, so one never active costs one call instead of two, and one active long ago two
     * instead of three. A year of daily buckets is 150 kB per user; these calls are a tenth of it.
     */
    private LocalDate lastActiveDay(String userId, TimeWindow window, boolean recentFirst) {
        UsageApiSplit split = apis.split();
        List<UsageApiSplit.Part> parts = split.parts(window);
        for (int i = parts.size() - 1; i >= 0; i--) {
            UsageApiSplit.Part part = parts.get(i);
            TimeWindow days = part.window();
            LocalDate recentFrom = days.endDayExclusive().minusDays(PROBE_DAYS);
            TimeWindow probed = null;
            if (recentFrom.isAfter(days.firstDay())) {
                probed = recentFirst ? TimeWindow.days(days.firstDay(), recentFrom) : days;
                days = recentFirst ? TimeWindow.days(recentFrom, days.endDayExclusive()) : null;
            }
            LocalDate last = days == null ? null : dailyLastActiveDay(split, part.api(), userId, days);
            if (last == null && probed != null) {
                TimeWindow month = TabnineFacts.lastActiveSpan(
                        activity(split, part.api(), userId, probed, Granularity.MONTH), probed);
                last = month == null ? null : dailyLastActiveDay(split, part.api(), userId, month);
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    private LocalDate dailyLastActiveDay(UsageApiSplit split, UsageApi api, String userId, TimeWindow days) {
        return TabnineFacts.lastActiveDay(activity(split, api, userId, days, Granularity.DAY), days);
    }

    /** Agent cost per day of the organisation or a team; no rows when the licence has no agents. */
    Fetched<List<DailyUsage>> agentCost(String teamId, TimeWindow window) {
        Scope scope = teamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        return cache.days(AGENT_COST, scope(teamId), window, run -> TabnineFacts.costDays(
                client.agentUsage(scope, teamId, run, Granularity.DAY), run)).map(TabnineFacts::flatten);
    }

    /**
     * Tabnine's distinct active users per period (weeks, months or one whole window), asked at that granularity: one
     * call per missing run of consecutive periods of one API. Distinct users of the two APIs cannot be added, so a
     * period that spans the boundary gets the larger of v1's figure for its days before the boundary and v2's for
     * the rest (each asked as one whole span): a lower bound of the people active in it.
     */
    Fetched<Map<TimeWindow, Long>> activeUsers(String teamId, List<TimeWindow> periods, Granularity granularity) {
        Scope scope = teamId == null ? Scope.ORGANIZATION : Scope.TEAM;
        UsageApiSplit split = apis.split();
        LocalDate boundary = split.v2From();
        List<TimeWindow> v1 = new ArrayList<>();
        List<TimeWindow> v2 = new ArrayList<>();
        TimeWindow across = null;
        for (TimeWindow period : periods) {
            if (!period.endDayExclusive().isAfter(boundary)) {
                v1.add(period);
            } else if (!period.firstDay().isBefore(boundary)) {
                v2.add(period);
            } else {
                across = period;
            }
        }
        List<Fetched<Map<TimeWindow, Long>>> parts = new ArrayList<>();
        if (!v1.isEmpty()) {
            parts.add(activeUsers(split, UsageApi.V1, scope, teamId, v1, granularity));
        }
        if (across != null) {
            TimeWindow before = TimeWindow.days(across.firstDay(), boundary);
            TimeWindow after = TimeWindow.days(boundary, across.endDayExclusive());
            Fetched<Map<TimeWindow, Long>> old = activeUsers(split, UsageApi.V1, scope, teamId, List.of(before),
                    Granularity.TOTAL);
            Fetched<Map<TimeWindow, Long>> current = activeUsers(split, UsageApi.V2, scope, teamId, List.of(after),
                    Granularity.TOTAL);
            long larger = Math.max(old.value().getOrDefault(before, 0L), current.value().getOrDefault(after, 0L));
            TimeWindow period = across;
            parts.add(old.and(current).map(x -> Map.of(period, larger)));
        }
        if (!v2.isEmpty()) {
            parts.add(activeUsers(split, UsageApi.V2, scope, teamId, v2, granularity));
        }
        Map<TimeWindow, Long> all = new LinkedHashMap<>();
        parts.forEach(part -> all.putAll(part.value()));
        return parts.getFirst().map(x -> all).with(parts);
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

    /** Which API serves which days now (breakdowns follow the same split as usage). */
    UsageApiSplit split() {
        return apis.split();
    }

    /** One daily answer of {@code api} for one scope over {@code run}, with the same 404 rule as usage. */
    TabnineClient.UsageAnswer dailyAnswer(UsageApiSplit split, UsageApi api, Scope scope, String id, TimeWindow run) {
        return answer(split, api, scope, id, run, Granularity.DAY);
    }

    /** Daily usage of one scope, each part of the window from the API that serves it. */
    private Fetched<List<DailyUsage>> days(Scope scope, String id, String key, TimeWindow window, String account) {
        UsageApiSplit split = apis.split();
        List<Fetched<List<DailyUsage>>> parts = new ArrayList<>();
        for (UsageApiSplit.Part part : split.parts(window)) {
            parts.add(cache.days(part.api() == UsageApi.V1 ? USAGE_V1 : USAGE_V2, key, part.window(),
                    run -> TabnineFacts.usageDays(answer(split, part.api(), scope, id, run, Granularity.DAY), run,
                            account)).map(TabnineFacts::flatten));
        }
        List<DailyUsage> rows = new ArrayList<>();
        parts.forEach(part -> rows.addAll(part.value()));
        return parts.getFirst().map(x -> List.copyOf(rows)).with(parts);
    }

    private Fetched<Map<TimeWindow, Long>> activeUsers(UsageApiSplit split, UsageApi api, Scope scope, String teamId,
            List<TimeWindow> periods, Granularity granularity) {
        return cache.periods(api == UsageApi.V1 ? ACTIVE_USERS_V1 : ACTIVE_USERS_V2, scope(teamId),
                TabnineClient.granularity(granularity), periods,
                run -> TabnineFacts.activeUsers(answer(split, api, scope, teamId,
                        new TimeWindow(run.getFirst().from(), run.getLast().to()), granularity), run));
    }

    /** One usage call to {@code api}, with {@link #noHistoryBeforeUpgrade}'s 404 rule. */
    private TabnineClient.UsageAnswer answer(UsageApiSplit split, UsageApi api, Scope scope, String id,
            TimeWindow window, Granularity granularity) {
        return noHistoryBeforeUpgrade(split, api, scope, () -> client.usage(api, scope, id, window, granularity),
                new TabnineClient.UsageAnswer(UsageApi.V1, List.of()));
    }

    /** One user's buckets as last activity reads them, with the same 404 rule. */
    private List<TabnineWire.ActivityBucket> activity(UsageApiSplit split, UsageApi api, String userId,
            TimeWindow window, Granularity granularity) {
        return noHistoryBeforeUpgrade(split, api, Scope.USER, () -> client.activity(api, userId, window, granularity),
                List.of());
    }

    /**
     * {@code call}'s answer. In a stitched organisation a 404 from v1 is no history before the upgrade (a team or user
     * created later, or v1 gone from the instance): {@code none}. Otherwise a 404 stands.
     */
    private static <T> T noHistoryBeforeUpgrade(UsageApiSplit split, UsageApi api, Scope scope, Supplier<T> call,
            T none) {
        try {
            return call.get();
        } catch (VendorException.NotFound notFound) {
            if (api != UsageApi.V1 || !split.stitched()) {
                throw notFound;
            }
            Log.debugf("Tabnine v1 has no %s usage (404): no history before the upgrade", scope.path());
            return none;
        }
    }

    private static Dataset<List<DailyUsage>> usage(String name) {
        return Dataset.of(TABNINE, name, new TypeReference<List<DailyUsage>>() {
        }, List.of());
    }

    private static Dataset<Long> activeUsers(String name) {
        return Dataset.of(TABNINE, name, new TypeReference<Long>() {
        }, 0L);
    }

    private static String scope(String teamId) {
        return teamId == null ? "org" : "team:" + teamId;
    }
}
