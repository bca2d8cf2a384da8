package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Periods;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/** Tabnine wire shapes to the vendor-neutral domain, following the metric table of design.md. Pure functions. */
final class TabnineMapping {

    private static final Vendor TABNINE = Vendor.TABNINE;

    private TabnineMapping() {
    }

    static Team team(TabnineWire.Team team) {
        return new Team(Team.qualify(TABNINE, team.id()), TABNINE, team.name(), team.usersCount());
    }

    static TabnineAccount account(TabnineWire.User user, Instant lastActiveAt, Instant now) {
        List<Team> teams = user.team() == null ? List.of() : List.of(team(user.team()));
        return new TabnineAccount(TABNINE, user.id(), user.email(), user.username(), user.role(),
                status(user, lastActiveAt, now), lastActiveAt, teams, user.verified(), user.active(),
                user.deactivatedAt());
    }

    /** Deactivated ({@code active=false}) before pending ({@code verified=false}) before activity. */
    static SeatStatus status(TabnineWire.User user, Instant lastActiveAt, Instant now) {
        if (Boolean.FALSE.equals(user.active())) {
            return SeatStatus.DEACTIVATED;
        }
        if (Boolean.FALSE.equals(user.verified())) {
            return SeatStatus.PENDING;
        }
        return SeatStatus.fromActivity(lastActiveAt, now, SeatStatus.DEFAULT_IDLE_AFTER_DAYS);
    }

    /**
     * Start of the last bucket with {@code activeUsers > 0}, or null. Read from a daily series, so it has day
     * precision: Tabnine exposes no finer activity timestamp.
     */
    static Instant lastActiveAt(List<TabnineWire.UsageBucket> daily) {
        return daily.stream()
                .filter(b -> b.from() != null && b.activeUsers() != null && b.activeUsers() > 0)
                .map(TabnineWire.UsageBucket::from)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** Tabnine counts months from 0 (January). */
    static OrganizationUtilization utilization(TabnineWire.MonthUtilization month) {
        return new OrganizationUtilization(YearMonth.of(month.year(), month.month() + 1), month.registered(),
                month.deactivated(), month.active(), month.pending());
    }

    static TabnineUser user(TabnineWire.UserInfo info) {
        TabnineWire.UserInfoUser user = info.user();
        if (user == null) {
            throw new VendorException.BadResponse(TABNINE, "Tabnine's user answer has no user", null);
        }
        List<Team> teams = info.teams() == null ? List.of()
                : info.teams().stream()
                        .filter(t -> t != null && t.teamId() != null)
                        .map(t -> new Team(Team.qualify(TABNINE, t.teamId()), TABNINE, t.teamName(), null))
                        .toList();
        return new TabnineUser(user.userId(), user.organizationId(), user.email(), user.role(), user.createdAt(),
                user.updatedAt(), teams);
    }

    /**
     * Exactly one bucket per period of {@link Periods#of(TimeWindow, Granularity)}, in order. Each vendor bucket goes
     * to the period holding its start (clipped to the window); vendor buckets outside the window are dropped and
     * periods without one are empty. Buckets landing in one period are added up, except {@code activeUsers}, which
     * takes the maximum: that rolls one person's daily series up into 1/0 per period (for organization and team
     * usage Tabnine is asked at the period's own granularity, so nothing is merged there).
     */
    static List<UsageBucket> onPeriods(TabnineClient.UsageAnswer answer, TimeWindow window, Granularity granularity) {
        List<TimeWindow> periods = Periods.of(window, granularity);
        UsageBucket[] out = new UsageBucket[periods.size()];
        for (TabnineWire.UsageBucket bucket : answer.buckets()) {
            int i = periodIndex(periods, bucket.from(), bucket.to());
            if (i >= 0) {
                UsageBucket mapped = bucket(bucket, answer.api(), periods.get(i));
                out[i] = out[i] == null ? mapped : merge(out[i], mapped);
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = empty(periods.get(i), answer.api());
            }
        }
        return List.of(out);
    }

    /**
     * Adds agent cost to buckets made by {@link #onPeriods}: the sum of {@code totalCost} per period, 0 where
     * agents are licensed but nothing was spent. Without the licence cost stays null.
     */
    static List<UsageBucket> withCost(List<UsageBucket> buckets, AgentUsage agent) {
        if (!agent.licensed()) {
            return buckets;
        }
        List<TimeWindow> periods = buckets.stream().map(UsageBucket::period).toList();
        double[] cost = new double[periods.size()];
        for (AgentUsage.Point point : agent.points()) {
            int i = periodIndex(periods, point.from(), point.to());
            if (i >= 0 && point.cost() != null) {
                cost[i] += point.cost();
            }
        }
        return IntStream.range(0, buckets.size()).mapToObj(i -> withCost(buckets.get(i), cost[i])).toList();
    }

    /** v1 counts chat/agent interactions, v2 messages; tokens exist only in v2 ({@code models[]}). */
    static UsageBucket bucket(TabnineWire.UsageBucket b, UsageApi api, TimeWindow period) {
        boolean v2 = api == UsageApi.V2;
        TabnineWire.CodeCompletions completions = b.codeCompletions();
        TabnineWire.Chat chat = b.chat();
        TabnineWire.Agent agent = b.agent();
        return new UsageBucket(TABNINE, period.from(), period.to(), b.activeUsers(),
                completions == null ? null : completions.completions(),
                completions == null ? null : completions.lines(),
                chat == null ? null : v2 ? chat.messages() : chat.interactions(),
                agent == null ? null : v2 ? agent.messages() : agent.interactions(),
                agent == null ? null : agent.linesAddedAccepted(),
                v2 ? tokens(chat, agent, TabnineWire.ModelUsage::inputTokens) : null,
                v2 ? tokens(chat, agent, TabnineWire.ModelUsage::outputTokens) : null,
                null, null);
    }

    private static long tokens(TabnineWire.Chat chat, TabnineWire.Agent agent,
            Function<TabnineWire.ModelUsage, Long> count) {
        Stream<TabnineWire.ModelUsage> chatModels = chat == null || chat.models() == null ? Stream.empty()
                : chat.models().stream();
        Stream<TabnineWire.ModelUsage> agentModels = agent == null || agent.models() == null ? Stream.empty()
                : agent.models().stream();
        return Stream.concat(chatModels, agentModels)
                .map(count)
                .filter(n -> n != null)
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Index of the period holding {@code from} (or the window start, for a bucket that began earlier); -1 if none. */
    private static int periodIndex(List<TimeWindow> periods, Instant from, Instant to) {
        Instant start = periods.getFirst().from();
        Instant end = periods.getLast().to();
        if (from == null || !from.isBefore(end) || (to != null && !to.isAfter(start))) {
            return -1;
        }
        return Periods.indexOf(periods, (from.isBefore(start) ? start : from).atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static UsageBucket merge(UsageBucket a, UsageBucket b) {
        return new UsageBucket(TABNINE, a.from(), a.to(), max(a.activeUsers(), b.activeUsers()),
                add(a.completionsAccepted(), b.completionsAccepted()),
                add(a.completionLinesAccepted(), b.completionLinesAccepted()),
                add(a.chatMessages(), b.chatMessages()), add(a.agentMessages(), b.agentMessages()),
                add(a.agentLinesAccepted(), b.agentLinesAccepted()), add(a.inputTokens(), b.inputTokens()),
                add(a.outputTokens(), b.outputTokens()), null, null);
    }

    /** A period Tabnine sent no bucket for: zero of everything it reports (no tokens from v1). */
    private static UsageBucket empty(TimeWindow period, UsageApi api) {
        Long tokens = api == UsageApi.V2 ? 0L : null;
        return new UsageBucket(TABNINE, period.from(), period.to(), 0L, 0L, 0L, 0L, 0L, 0L, tokens, tokens, null,
                null);
    }

    private static UsageBucket withCost(UsageBucket b, double cost) {
        return new UsageBucket(b.vendor(), b.from(), b.to(), b.activeUsers(), b.completionsAccepted(),
                b.completionLinesAccepted(), b.chatMessages(), b.agentMessages(), b.agentLinesAccepted(),
                b.inputTokens(), b.outputTokens(), b.credits(), cost);
    }

    private static Long add(Long a, Long b) {
        return a == null ? b : b == null ? a : a + b;
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
