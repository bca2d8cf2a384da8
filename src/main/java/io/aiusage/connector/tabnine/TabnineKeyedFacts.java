package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aiusage.domain.KeyedUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageDimension;
import io.aiusage.domain.UsageFigures;

/**
 * Tabnine usage v2 buckets as keyed daily facts. Pure functions. A per-user bucket names the day's {@code languages}
 * and {@code ides} (comma lists) but not how much of the day went to each, so the day's figures are split evenly
 * among them (whole numbers, the remainder to the first keys in alphabetical order, so they still add up) and marked
 * apportioned when there are several. {@code models[]} give each model's messages and tokens; messages no model
 * claims are kept under "unknown", so model rows add up to chat plus agent messages.
 */
final class TabnineKeyedFacts {

    private static final String UNKNOWN = "unknown";

    private TabnineKeyedFacts() {
    }

    /**
     * A user's daily answer over {@code run} as rows of every dimension (one fetch serves all three), by UTC day; a
     * bucket that began before the run counts on its first day, buckets outside it are dropped.
     */
    static Map<LocalDate, List<KeyedUsage>> userDays(List<TabnineWire.UsageBucket> buckets, TimeWindow run,
            String userId, Map<String, String> modelNames) {
        Map<LocalDate, List<KeyedUsage>> days = new LinkedHashMap<>();
        for (TabnineWire.UsageBucket bucket : buckets) {
            LocalDate day = dayOf(run, bucket.from(), bucket.to());
            if (day == null) {
                continue;
            }
            List<KeyedUsage> rows = days.computeIfAbsent(day, d -> new ArrayList<>());
            long[] completions = { completions(bucket), lines(bucket) };
            split(rows, day, userId, UsageDimension.LANGUAGE, bucket.languages(), completions, false);
            long[] all = { completions(bucket), lines(bucket), chatMessages(bucket), agentMessages(bucket),
                    agentLines(bucket) };
            split(rows, day, userId, UsageDimension.IDE, bucket.ides(), all, true);
            rows.addAll(models(bucket, day, userId, modelNames));
        }
        return days;
    }

    /** An organisation or team answer's MODEL rows (scope rows: Tabnine does not say who used which model). */
    static Map<LocalDate, List<KeyedUsage>> scopeModelDays(List<TabnineWire.UsageBucket> buckets, TimeWindow run,
            Map<String, String> modelNames) {
        Map<LocalDate, List<KeyedUsage>> days = new LinkedHashMap<>();
        for (TabnineWire.UsageBucket bucket : buckets) {
            LocalDate day = dayOf(run, bucket.from(), bucket.to());
            if (day != null) {
                days.computeIfAbsent(day, d -> new ArrayList<>()).addAll(models(bucket, day, null, modelNames));
            }
        }
        return days;
    }

    /** Splits {@code figures} evenly among the comma list {@code keys}; nothing when every figure is 0. */
    private static void split(List<KeyedUsage> rows, LocalDate day, String userId, UsageDimension dimension,
            String keys, long[] figures, boolean withChatsAndAgent) {
        if (Arrays.stream(figures).allMatch(f -> f == 0)) {
            return;
        }
        List<String> names = keys == null ? List.of() : Arrays.stream(keys.split(",")).map(String::strip)
                .filter(k -> !k.isEmpty()).distinct().sorted().toList();
        if (names.isEmpty()) {
            names = List.of(UNKNOWN);
        }
        int n = names.size();
        for (int i = 0; i < n; i++) {
            long[] share = new long[figures.length];
            for (int f = 0; f < figures.length; f++) {
                share[f] = figures[f] / n + (i < figures[f] % n ? 1 : 0);
            }
            UsageFigures values = withChatsAndAgent
                    ? new UsageFigures(share[0], share[1], share[2], share[3], share[4], null, null, null, null)
                    : new UsageFigures(share[0], share[1], null, null, null, null, null, null, null);
            rows.add(new KeyedUsage(day, userId, dimension, names.get(i), userId != null, n > 1, values));
        }
    }

    private static List<KeyedUsage> models(TabnineWire.UsageBucket bucket, LocalDate day, String userId,
            Map<String, String> modelNames) {
        List<KeyedUsage> rows = new ArrayList<>();
        TabnineWire.Chat chat = bucket.chat();
        TabnineWire.Agent agent = bucket.agent();
        long chatLeft = chatMessages(bucket);
        long agentLeft = agentMessages(bucket);
        for (TabnineWire.ModelUsage m : chat == null || chat.models() == null ? List.<TabnineWire.ModelUsage>of()
                : chat.models()) {
            long messages = orZero(m.messages());
            chatLeft -= messages;
            rows.add(modelRow(day, userId, modelNames, m, messages, null));
        }
        for (TabnineWire.ModelUsage m : agent == null || agent.models() == null ? List.<TabnineWire.ModelUsage>of()
                : agent.models()) {
            long messages = orZero(m.messages());
            agentLeft -= messages;
            rows.add(modelRow(day, userId, modelNames, m, null, messages));
        }
        if (chatLeft != 0 || agentLeft != 0) {
            rows.add(new KeyedUsage(day, userId, UsageDimension.MODEL, UNKNOWN, userId != null, false,
                    new UsageFigures(null, null, chatLeft, agentLeft, null, 0L, 0L, null, null)));
        }
        return rows;
    }

    private static KeyedUsage modelRow(LocalDate day, String userId, Map<String, String> modelNames,
            TabnineWire.ModelUsage m, Long chatMessages, Long agentMessages) {
        String id = m.model() == null ? UNKNOWN : m.model();
        return new KeyedUsage(day, userId, UsageDimension.MODEL, modelNames.getOrDefault(id, id), userId != null,
                false, new UsageFigures(null, null, chatMessages, agentMessages, null, orZero(m.inputTokens()),
                        orZero(m.outputTokens()), null, null));
    }

    private static long completions(TabnineWire.UsageBucket b) {
        return b.codeCompletions() == null ? 0 : orZero(b.codeCompletions().completions());
    }

    private static long lines(TabnineWire.UsageBucket b) {
        return b.codeCompletions() == null ? 0 : orZero(b.codeCompletions().lines());
    }

    /** v2 counts {@code messages}; a v1 answer (no models, no keys) has interactions instead. */
    private static long chatMessages(TabnineWire.UsageBucket b) {
        return b.chat() == null ? 0 : orZero(b.chat().messages() != null ? b.chat().messages()
                : b.chat().interactions());
    }

    private static long agentMessages(TabnineWire.UsageBucket b) {
        return b.agent() == null ? 0 : orZero(b.agent().messages() != null ? b.agent().messages()
                : b.agent().interactions());
    }

    private static long agentLines(TabnineWire.UsageBucket b) {
        return b.agent() == null ? 0 : orZero(b.agent().linesAddedAccepted());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** The UTC day of {@code run} a bucket counts on (its start, or the run's first day if it began earlier). */
    private static LocalDate dayOf(TimeWindow run, Instant from, Instant to) {
        if (from == null || !from.isBefore(run.to()) || (to != null && !to.isAfter(run.from()))) {
            return null;
        }
        return LocalDate.ofInstant(from.isBefore(run.from()) ? run.from() : from, ZoneOffset.UTC);
    }
}
