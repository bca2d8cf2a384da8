package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Periods;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFigures;

/**
 * Tabnine answers as daily facts, following the metric table of design.md. Pure functions. Every day of a fetched run
 * gets an explicit row (zeros when Tabnine sent no bucket), so a cached day says which figures the instance reports
 * (v1 has no tokens) and whether agents are licensed (a cost row, or none).
 */
final class TabnineFacts {

    private TabnineFacts() {
    }

    /**
     * Usage buckets of a daily answer as one row per UTC day of {@code run}: for {@code account} (a user id) or the
     * whole scope ({@code account} null). A bucket that began before the run counts on the run's first day; buckets
     * outside the run are dropped.
     */
    static Map<LocalDate, List<DailyUsage>> usageDays(TabnineClient.UsageAnswer answer, TimeWindow run,
            String account) {
        Map<LocalDate, DailyUsage> byDay = new LinkedHashMap<>();
        for (LocalDate day = run.firstDay(); day.isBefore(run.endDayExclusive()); day = day.plusDays(1)) {
            byDay.put(day, new DailyUsage(day, account, 0L, figures(null, answer.api()).zero()));
        }
        for (TabnineWire.UsageBucket bucket : answer.buckets()) {
            LocalDate day = dayOf(run, bucket.from(), bucket.to());
            if (day != null) {
                DailyUsage before = byDay.get(day);
                long active = Math.max(before.activeUsers(), bucket.activeUsers() == null ? 0 : bucket.activeUsers());
                byDay.put(day, new DailyUsage(day, account, active,
                        before.figures().plus(figures(bucket, answer.api()))));
            }
        }
        Map<LocalDate, List<DailyUsage>> days = new LinkedHashMap<>();
        byDay.forEach((day, row) -> days.put(day, List.of(row)));
        return days;
    }

    /**
     * Agent cost of a daily agent-usage answer, one row per day of {@code run} (0 where licensed but nothing was
     * spent); no rows at all without the licence, so cost stays null.
     */
    static Map<LocalDate, List<DailyUsage>> costDays(AgentUsage agent, TimeWindow run) {
        Map<LocalDate, List<DailyUsage>> days = new HashMap<>();
        if (!agent.licensed()) {
            return days;
        }
        Map<LocalDate, Double> cost = new LinkedHashMap<>();
        for (LocalDate day = run.firstDay(); day.isBefore(run.endDayExclusive()); day = day.plusDays(1)) {
            cost.put(day, 0.0);
        }
        for (AgentUsage.Point point : agent.points()) {
            LocalDate day = dayOf(run, point.from(), point.to());
            if (day != null && point.cost() != null) {
                cost.merge(day, point.cost(), Double::sum);
            }
        }
        cost.forEach((day, spent) -> days.put(day, List.of(new DailyUsage(day, null, null,
                new UsageFigures(null, null, null, null, null, null, null, null, spent)))));
        return days;
    }

    /**
     * Tabnine's distinct active users per period of a run asked at the periods' granularity: the bucket starting in
     * a period (or before the run, for the first) gives its figure; a period without a bucket had none.
     */
    static Map<TimeWindow, Long> activeUsers(TabnineClient.UsageAnswer answer, List<TimeWindow> periods) {
        Map<TimeWindow, Long> active = new LinkedHashMap<>();
        periods.forEach(p -> active.put(p, 0L));
        TimeWindow run = new TimeWindow(periods.getFirst().from(), periods.getLast().to());
        for (TabnineWire.UsageBucket bucket : answer.buckets()) {
            LocalDate day = dayOf(run, bucket.from(), bucket.to());
            int i = day == null ? -1 : Periods.indexOf(periods, day);
            if (i >= 0 && bucket.activeUsers() != null) {
                active.merge(periods.get(i), bucket.activeUsers(), Math::max);
            }
        }
        return active;
    }

    /**
     * True for a bucket with any usage in it: active users, completions, or chat or agent messages (v2) or
     * interactions (v1). The first v2 day with usage is where v2's history starts.
     */
    static boolean active(TabnineWire.UsageBucket b) {
        TabnineWire.Chat chat = b.chat();
        TabnineWire.Agent agent = b.agent();
        return positive(b.activeUsers())
                || (b.codeCompletions() != null && positive(b.codeCompletions().completions()))
                || (chat != null && (positive(chat.messages()) || positive(chat.interactions())))
                || (agent != null && (positive(agent.messages()) || positive(agent.interactions())));
    }

    /**
     * The days whose usage rows come from v1 and so report no tokens, each with the figures it reports: {@code zero}
     * without tokens. Empty when no row reports tokens (v1 throughout), since {@code zero} has none then.
     */
    static Map<LocalDate, UsageFigures> zeroByDay(List<DailyUsage> usageRows, UsageFigures zero) {
        Map<LocalDate, UsageFigures> days = new HashMap<>();
        if (zero.inputTokens() == null) {
            return days;
        }
        UsageFigures v1 = new UsageFigures(zero.completionsAccepted(), zero.completionLinesAccepted(),
                zero.chatMessages(), zero.agentMessages(), zero.agentLinesAccepted(), null, null, zero.credits(),
                zero.cost());
        usageRows.stream().filter(r -> r.figures().inputTokens() == null).forEach(r -> days.put(r.day(), v1));
        return days;
    }

    /**
     * The last UTC day of {@code run} on which a bucket of a daily answer shows activity (active users above 0), or
     * null. A bucket that began before the run counts on its first day, as in {@link #usageDays}.
     */
    static LocalDate lastActiveDay(List<TabnineWire.ActivityBucket> buckets, TimeWindow run) {
        LocalDate last = null;
        for (TabnineWire.ActivityBucket bucket : buckets) {
            if (!positive(bucket.activeUsers()) || bucket.from() == null) {
                continue;
            }
            LocalDate day = utcDay(bucket.from());
            if (!day.isBefore(run.endDayExclusive())) {
                continue;
            }
            if (day.isBefore(run.firstDay())) {
                if (bucket.to() != null && !Instant.parse(bucket.to()).isAfter(run.from())) {
                    continue;
                }
                day = run.firstDay();
            }
            if (last == null || day.isAfter(last)) {
                last = day;
            }
        }
        return last;
    }

    /**
     * The whole UTC days of {@code run} covered by the last bucket with activity of a coarser answer (a month), or
     * null when no bucket shows any.
     */
    static TimeWindow lastActiveSpan(List<TabnineWire.ActivityBucket> buckets, TimeWindow run) {
        TabnineWire.ActivityBucket latest = null;
        LocalDate latestDay = null;
        for (TabnineWire.ActivityBucket bucket : buckets) {
            if (positive(bucket.activeUsers()) && bucket.from() != null) {
                LocalDate day = utcDay(bucket.from());
                if (latestDay == null || day.isAfter(latestDay)) {
                    latest = bucket;
                    latestDay = day;
                }
            }
        }
        if (latest == null) {
            return null;
        }
        LocalDate from = latestDay.isBefore(run.firstDay()) ? run.firstDay() : latestDay;
        LocalDate end = run.endDayExclusive();
        if (latest.to() != null) {
            Instant to = Instant.parse(latest.to());
            LocalDate toDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
            LocalDate endOfBucket = to.equals(toDay.atStartOfDay(ZoneOffset.UTC).toInstant()) ? toDay
                    : toDay.plusDays(1);
            end = endOfBucket.isBefore(end) ? endOfBucket : end;
        }
        return from.isBefore(end) ? TimeWindow.days(from, end) : null;
    }

    /**
     * The UTC day of an ISO-8601 instant. Tabnine writes UTC ({@code 2025-03-12T00:00:00Z}), whose day is its first
     * ten characters, read without a formatter (a year of buckets per user, tens of thousands of users); anything
     * else (an offset) is parsed in full.
     */
    static LocalDate utcDay(String instant) {
        if (instant.length() >= 11 && instant.charAt(4) == '-' && instant.charAt(7) == '-'
                && instant.charAt(10) == 'T' && instant.endsWith("Z")) {
            try {
                return LocalDate.of(Integer.parseInt(instant, 0, 4, 10), Integer.parseInt(instant, 5, 7, 10),
                        Integer.parseInt(instant, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // not the plain form after all: parsed in full below
            }
        }
        return LocalDate.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** v1 counts chat/agent interactions, v2 messages; tokens exist only in v2 ({@code models[]}). */
    static UsageFigures figures(TabnineWire.UsageBucket b, UsageApi api) {
        boolean v2 = api == UsageApi.V2;
        if (b == null) {
            return new UsageFigures(0L, 0L, 0L, 0L, 0L, v2 ? 0L : null, v2 ? 0L : null, null, null);
        }
        TabnineWire.CodeCompletions completions = b.codeCompletions();
        TabnineWire.Chat chat = b.chat();
        TabnineWire.Agent agent = b.agent();
        return new UsageFigures(completions == null ? null : completions.completions(),
                completions == null ? null : completions.lines(),
                chat == null ? null : v2 ? chat.messages() : chat.interactions(),
                agent == null ? null : v2 ? agent.messages() : agent.interactions(),
                agent == null ? null : agent.linesAddedAccepted(),
                v2 ? tokens(chat, agent, TabnineWire.ModelUsage::inputTokens) : null,
                v2 ? tokens(chat, agent, TabnineWire.ModelUsage::outputTokens) : null, null, null);
    }

    /**
     * The figures this source reports: zeros for the metrics Tabnine has (tokens only when a row has them, cost only
     * when a cost row exists), null for the rest.
     */
    static UsageFigures zero(List<DailyUsage> rows) {
        boolean tokens = rows.stream().anyMatch(r -> r.figures().inputTokens() != null);
        boolean cost = rows.stream().anyMatch(r -> r.figures().cost() != null);
        return new UsageFigures(0L, 0L, 0L, 0L, 0L, tokens ? 0L : null, tokens ? 0L : null, null,
                cost ? 0.0 : null);
    }

    private static long tokens(TabnineWire.Chat chat, TabnineWire.Agent agent,
            Function<TabnineWire.ModelUsage, Long> count) {
        Stream<TabnineWire.ModelUsage> chatModels = chat == null || chat.models() == null ? Stream.empty()
                : chat.models().stream();
        Stream<TabnineWire.ModelUsage> agentModels = agent == null || agent.models() == null ? Stream.empty()
                : agent.models().stream();
        return Stream.concat(chatModels, agentModels).map(count).filter(n -> n != null).mapToLong(Long::longValue)
                .sum();
    }

    /** The UTC day of {@code run} a bucket counts on (its start, or the run's first day if it began earlier). */
    private static LocalDate dayOf(TimeWindow run, Instant from, Instant to) {
        if (from == null || !from.isBefore(run.to()) || (to != null && !to.isAfter(run.from()))) {
            return null;
        }
        return LocalDate.ofInstant(from.isBefore(run.from()) ? run.from() : from, ZoneOffset.UTC);
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }

    /** Rows of many days in one list. */
    static List<DailyUsage> flatten(List<List<DailyUsage>> days) {
        List<DailyUsage> rows = new ArrayList<>();
        days.forEach(rows::addAll);
        return rows;
    }
}
