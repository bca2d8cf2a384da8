package io.aiusage.connector.windsurf;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.DemoConfig;
import io.aiusage.config.WindsurfConfig;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.connector.windsurf.CascadeAnalytics.Query;
import io.aiusage.connector.windsurf.CustomAnalytics.Row;
import io.aiusage.connector.windsurf.UserPageAnalytics.UserStats;
import io.quarkus.logging.Log;

/**
 * Windsurf (Codeium) in domain terms. Seats come from UserPageAnalytics, usage from Custom Analytics (completions,
 * chats) and CascadeAnalytics (agent lines, messages, credits). Windsurf has no API listing groups, so teams are the
 * groups named in {@code windsurf.groups}. Usage costs a fixed number of calls whatever the number of people.
 */
@ApplicationScoped
public class WindsurfConnector implements VendorConnector {

    private final WindsurfClient client;
    private final WindsurfConfig config;
    private final DemoConfig demo;
    private final Clock clock;
    private final Concurrently concurrently;
    /** Bounds the calls one question fans out into (organisation plus groups), for all callers together. */
    private final Semaphore inFlight;

    WindsurfConnector(WindsurfClient client, WindsurfConfig config, DemoConfig demo, Clock clock,
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

    /** UserPageAnalytics needs Teams Read-only, a permission the product needs anyway. */
    @Override
    public void ping() {
        client.userPageAnalytics(null, null);
    }

    /**
     * The organisation's table plus one call per configured group, which gives every account its teams; the calls run
     * at once, at most {@code windsurf.concurrency} in flight.
     */
    @Override
    public List<VendorAccount> accounts(TimeWindow activityWindow) {
        List<Optional<String>> tables = new ArrayList<>();
        tables.add(Optional.empty());
        groups().forEach(group -> tables.add(Optional.of(group)));
        List<List<UserStats>> answers = concurrently.map(tables, inFlight, table -> table.isPresent()
                ? membersIfKnown(table.get())
                : client.userPageAnalytics(null, activityWindow).userTableStats());
        List<UserStats> rows = answers.get(0);
        Map<String, List<UserStats>> known = new LinkedHashMap<>();
        for (int i = 1; i < tables.size(); i++) {
            if (answers.get(i) != null) {
                known.put(tables.get(i).orElseThrow(), answers.get(i));
            }
        }
        Map<String, List<Team>> teamsByAccount = new HashMap<>();
        for (Map.Entry<String, List<UserStats>> group : known.entrySet()) {
            Team team = team(group.getKey(), group.getValue());
            group.getValue().forEach(m -> teamsByAccount
                    .computeIfAbsent(WindsurfAccounts.accountId(m), id -> new ArrayList<>()).add(team));
        }
        Instant now = clock.instant();
        return rows.stream().<VendorAccount> map(row -> WindsurfAccounts.toAccount(row,
                teamsByAccount.getOrDefault(WindsurfAccounts.accountId(row), List.of()), now)).toList();
    }

    /** The groups of {@code windsurf.groups}, each sized by one UserPageAnalytics call. */
    @Override
    public List<Team> teams() {
        return knownGroups().entrySet().stream().map(g -> team(g.getKey(), g.getValue())).toList();
    }

    /**
     * Members of one Windsurf group. Their {@code teams} list only this group: the other groups would cost one call
     * each. Windsurf answers an unknown group with NotFound.
     */
    @Override
    public List<VendorAccount> teamMembers(String localTeamId) {
        List<UserStats> members = members(localTeamId);
        List<Team> team = List.of(team(localTeamId, members));
        Instant now = clock.instant();
        return members.stream().<VendorAccount> map(row -> WindsurfAccounts.toAccount(row, team, now)).toList();
    }

    /**
     * Exactly two calls: one Custom Analytics request (USER_DATA sums per api_key and date, CHAT_DATA sums per date)
     * and one CascadeAnalytics request (lines and runs), both over the window widened to whole UTC days.
     */
    @Override
    public List<UsageBucket> usage(TimeWindow window, Granularity granularity, String localTeamId) {
        TimeWindow days = window.toWholeDays();
        List<List<Row>> rows = client.analytics(localTeamId, days,
                completionsAndChats(days, List.of(CustomAnalytics.DATE)));
        CascadeAnalytics.Response cascade = client.cascadeAnalytics(localTeamId, days,
                List.of(Query.CASCADE_LINES, Query.CASCADE_RUNS));
        return WindsurfUsage.organisation(Periods.of(window, granularity), rows.get(0), rows.get(1), cascade.lines(),
                cascade.runs());
    }

    /**
     * Exactly one Custom Analytics call for any number of accounts: USER_DATA and CHAT_DATA grouped by api_key and
     * date, joined to the accounts through their hashed API key. {@code agentMessages}, {@code agentLinesAccepted}
     * and {@code credits} are null per person: CascadeAnalytics has no per-user breakdown that one call could give
     * for many people (its {@code emails} filter narrows the figures, it does not split them).
     */
    @Override
    public Map<String, List<UsageBucket>> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        TimeWindow days = window.toWholeDays();
        List<List<Row>> rows = client.analytics(null, days,
                completionsAndChats(days, List.of(CustomAnalytics.API_KEY, CustomAnalytics.DATE)));
        return WindsurfUsage.perAccount(Periods.of(window, granularity), accounts, rows.get(0), rows.get(1));
    }

    /** The team's prompt-credit position in the current billing cycle. */
    public WindsurfCreditBalance creditBalance() {
        return client.teamCreditBalance();
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

    /** USER_DATA completion sums per api_key and date (which also counts active users), then CHAT_DATA chat sums. */
    private static List<CustomAnalytics.Query> completionsAndChats(TimeWindow days, List<String> chatsBy) {
        return List.of(
                CustomAnalytics.Query.sums(CustomAnalytics.USER_DATA,
                        List.of(CustomAnalytics.NUM_ACCEPTANCES, CustomAnalytics.NUM_LINES_ACCEPTED),
                        List.of(CustomAnalytics.API_KEY, CustomAnalytics.DATE), days),
                CustomAnalytics.Query.sums(CustomAnalytics.CHAT_DATA, List.of(CustomAnalytics.NUM_CHATS_RECEIVED),
                        chatsBy, days));
    }

    /** People write {@code WINDSURF_GROUPS=engineering, platform}; config lists keep the spaces. */
    private List<String> groups() {
        return config.groups().orElse(List.of()).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    /**
     * Members of every configured group Windsurf knows, asked at once. A group Windsurf does not know (misspelt, or
     * removed since WINDSURF_GROUPS was written) is left out with a warning rather than failing every Windsurf seat.
     */
    private Map<String, List<UserStats>> knownGroups() {
        List<String> groups = groups();
        List<List<UserStats>> answers = concurrently.map(groups, inFlight, this::membersIfKnown);
        Map<String, List<UserStats>> known = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            if (answers.get(i) != null) {
                known.put(groups.get(i), answers.get(i));
            }
        }
        return known;
    }

    /** A group's members, or null when Windsurf does not know the group. */
    private List<UserStats> membersIfKnown(String group) {
        try {
            return members(group);
        } catch (VendorException.NotFound unknown) {
            Log.warnf("Windsurf has no group \"%s\" (listed in WINDSURF_GROUPS): left out of teams", group);
            return null;
        }
    }

    /** A group's membership does not depend on a window, so none is sent. */
    private List<UserStats> members(String group) {
        return client.userPageAnalytics(group, null).userTableStats();
    }

    private static Team team(String group, List<UserStats> members) {
        return new Team(Team.qualify(Vendor.WINDSURF, group), Vendor.WINDSURF, group, members.size());
    }
}
