package io.aiusage.connector.windsurf;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.DemoConfig;
import io.aiusage.config.WindsurfConfig;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.LastResult;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFacts;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.connector.windsurf.CascadeAnalytics.Query;
import io.aiusage.connector.windsurf.UserPageAnalytics.UserStats;
import io.quarkus.logging.Log;

/**
 * Windsurf (Codeium) in domain terms. Seats come from UserPageAnalytics, usage from Custom Analytics (completions,
 * chats) and CascadeAnalytics (agent lines, messages, credits), all read through the window-keyed cache
 * ({@link WindsurfCached}). Windsurf has no API listing groups, so teams are the groups named in
 * {@code windsurf.groups}. Usage costs a fixed number of calls whatever the number of people, and none for days
 * already held.
 */
@ApplicationScoped
public class WindsurfConnector implements VendorConnector {

    private final WindsurfClient client;
    private final WindsurfCached cached;
    private final WindsurfConfig config;
    private final DemoConfig demo;
    private final Clock clock;
    private final Concurrently concurrently;
    /** Bounds the calls one question fans out into (organisation plus groups), for all callers together. */
    private final Semaphore inFlight;
    private final LastResult<Fetched<List<VendorAccount>>> lastAccounts = new LastResult<>();
    /**
     * The organisation's Custom Analytics rows by account, for the day entries last read: 500 people's usage then
     * costs their rows, not a pass over every row of the organisation (a million for 50,000 people over 30 days).
     */
    private final LastResult<Map<String, List<DailyUsage>>> lastRowsByAccount = new LastResult<>();

    WindsurfConnector(WindsurfClient client, WindsurfCached cached, WindsurfConfig config, DemoConfig demo,
            Clock clock, Concurrently concurrently) {
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
        return Vendor.WINDSURF;
    }

    @Override
    public boolean configured() {
        return config.configured();
    }

    @Override
    public boolean demo() {
        return demo.enabled();
    }

    /** UserPageAnalytics needs Teams Read-only, a permission the product needs anyway. Never cached: it is a check. */
    @Override
    public void ping() {
        client.userPageAnalytics(null, null);
    }

    /**
     * The organisation's table plus one table per configured group, which gives every account its teams; the tables
     * are read at once, at most {@code windsurf.concurrency} in flight.
     */
    @Override
    public Fetched<List<VendorAccount>> accounts(TimeWindow activityWindow) {
        List<Optional<String>> tables = new ArrayList<>();
        tables.add(Optional.empty());
        groups().forEach(group -> tables.add(Optional.of(group)));
        List<Fetched<List<UserStats>>> answers = concurrently.map(tables, inFlight, table -> table.isPresent()
                ? membersIfKnown(table.get())
                : cached.seats(activityWindow));
        List<Object> tablesRead = new ArrayList<>();
        answers.forEach(answer -> tablesRead.add(answer == null ? List.of() : answer.value()));
        // the same accounts while every seat table is unchanged and none is due for a refresh
        return lastAccounts.get(tablesRead, Optional.ofNullable(activityWindow), clock.instant(),
                () -> accounts(tables, answers), accounts -> accounts.warnings().isEmpty()
                        ? cached.refreshDueAt(accounts.freshness().fetchedAt()) : null, Fetched::fromCache);
    }

    private Fetched<List<VendorAccount>> accounts(List<Optional<String>> tables,
            List<Fetched<List<UserStats>>> answers) {
        Map<String, List<UserStats>> known = new LinkedHashMap<>();
        List<Fetched<List<UserStats>>> groupAnswers = new ArrayList<>();
        for (int i = 1; i < tables.size(); i++) {
            if (answers.get(i) != null) {
                known.put(tables.get(i).orElseThrow(), answers.get(i).value());
                groupAnswers.add(answers.get(i));
            }
        }
        Map<String, List<Team>> teamsByAccount = new HashMap<>();
        for (Map.Entry<String, List<UserStats>> group : known.entrySet()) {
            Team team = team(group.getKey(), group.getValue());
            group.getValue().forEach(m -> teamsByAccount
                    .computeIfAbsent(WindsurfAccounts.accountId(m), id -> new ArrayList<>()).add(team));
        }
        Instant now = clock.instant();
        return answers.get(0).<List<VendorAccount>> map(rows -> rows.stream().<VendorAccount> map(
                row -> WindsurfAccounts.toAccount(row,
                        teamsByAccount.getOrDefault(WindsurfAccounts.accountId(row), List.of()), now))
                .toList()).with(groupAnswers);
    }

    /** The groups of {@code windsurf.groups}, each sized by its UserPageAnalytics table. */
    @Override
    public Fetched<List<Team>> teams() {
        List<String> groups = groups();
        List<Fetched<List<UserStats>>> answers = concurrently.map(groups, inFlight, this::membersIfKnown);
        List<Team> teams = new ArrayList<>();
        List<Fetched<List<UserStats>>> known = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (answers.get(i) != null) {
                teams.add(team(groups.get(i), answers.get(i).value()));
                known.add(answers.get(i));
            }
        }
        return Fetched.live(Vendor.WINDSURF, List.copyOf(teams), clock.instant()).with(known);
    }

    /**
     * Members of one Windsurf group. Their {@code teams} list only this group: the other groups would cost one call
     * each. Windsurf answers an unknown group with NotFound.
     */
    @Override
    public List<VendorAccount> teamMembers(String localTeamId) {
        List<UserStats> members = cached.members(localTeamId).value();
        List<Team> team = List.of(team(localTeamId, members));
        Instant now = clock.instant();
        return members.stream().<VendorAccount> map(row -> WindsurfAccounts.toAccount(row, team, now)).toList();
    }

    /**
     * Daily facts of the organisation or one group: Custom Analytics rows (per api_key and date) and Cascade lines and
     * runs, both over the window's whole UTC days, asked at once; each costs one call per missing run of days.
     */
    @Override
    public Fetched<UsageFacts> usage(TimeWindow window, Granularity granularity, String localTeamId) {
        List<Supplier<Fetched<List<DailyUsage>>>> parts = List.of(() -> cached.analytics(localTeamId, window),
                () -> cached.cascade(localTeamId, window));
        List<Fetched<List<DailyUsage>>> answers = concurrently.map(parts, inFlight, Supplier::get);
        List<DailyUsage> rows = answers.stream().flatMap(a -> a.value().stream()).toList();
        return answers.get(0).map(x -> UsageFacts.countable(WindsurfFacts.SCOPE_ZERO, rows)).with(answers);
    }

    /**
     * Per-account facts for any number of accounts: the organisation's Custom Analytics days (the same entries as
     * organisation usage), joined to accounts through the hashed API key, which is their account id.
     * {@code agentMessages}, {@code agentLinesAccepted} and {@code credits} are null per person: CascadeAnalytics has
     * no per-user breakdown that one call could give for many people (its {@code emails} filter narrows the figures,
     * it does not split them).
     */
    @Override
    public Fetched<UsageFacts> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        if (accounts.isEmpty()) {
            return Fetched.live(Vendor.WINDSURF, UsageFacts.countable(WindsurfFacts.ACCOUNT_ZERO, List.of()),
                    clock.instant());
        }
        Fetched<List<List<DailyUsage>>> days = cached.analyticsDays(null, window);
        Map<String, List<DailyUsage>> byAccount = lastRowsByAccount.get(days.value(), "organisation", clock.instant(),
                () -> WindsurfFacts.byAccount(days.value()), index -> Instant.MAX);
        List<DailyUsage> rows = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (VendorAccount account : accounts) {
            if (asked.add(account.accountId())) {
                rows.addAll(byAccount.getOrDefault(account.accountId(), List.of()));
            }
        }
        return days.map(x -> UsageFacts.countable(WindsurfFacts.ACCOUNT_ZERO, rows));
    }

    /** The team's prompt-credit position in the current billing cycle (cached like other data without a window). */
    public WindsurfCreditBalance creditBalance() {
        return cached.balance().value();
    }

    /** The per-user add-on credit cap set at {@code scope}; empty when none is set there. */
    public Optional<Integer> addOnCreditCap(CreditCapScope scope) {
        return Optional.ofNullable(client.usageConfig(scope).addOnCreditCap());
    }

    /**
     * How often Cascade used each tool in the window (whole UTC days), for the organisation ({@code group} null) or
     * one group; one entry per tool, most used first.
     */
    public List<WindsurfToolUsage> toolUsage(TimeWindow window, String group) {
        Map<CascadeTool, Long> counts = new HashMap<>();
        client.cascadeAnalytics(group, window.toWholeDays(), List.of(Query.CASCADE_TOOL_USAGE)).toolUsage()
                .forEach(use -> counts.merge(use.tool(), use.count(), Long::sum));
        return counts.entrySet().stream().map(e -> new WindsurfToolUsage(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WindsurfToolUsage::count).reversed()
                        .thenComparing(WindsurfToolUsage::tool))
                .toList();
    }

    /** People write {@code WINDSURF_GROUPS=engineering, platform}; config lists keep the spaces. */
    private List<String> groups() {
        return config.groups().orElse(List.of()).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    /**
     * A group's members, or null when Windsurf does not know the group (misspelt, or removed since WINDSURF_GROUPS was
     * written): it is left out with a warning rather than failing every Windsurf seat.
     */
    private Fetched<List<UserStats>> membersIfKnown(String group) {
        try {
            return cached.members(group);
        } catch (VendorException.NotFound unknown) {
            Log.warnf("Windsurf has no group \"%s\" (listed in WINDSURF_GROUPS): left out of teams", group);
            return null;
        }
    }

    private static Team team(String group, List<UserStats> members) {
        return new Team(Team.qualify(Vendor.WINDSURF, group), Vendor.WINDSURF, group, members.size());
    }
}
