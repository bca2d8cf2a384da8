package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.aiusage.connector.windsurf.CascadeAnalytics.Line;
import io.aiusage.connector.windsurf.CascadeAnalytics.Run;
import io.aiusage.connector.windsurf.CustomAnalytics.Row;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.UsageFigures;

/**
 * Windsurf rows as daily facts, following the metric table of the design. Pure, so the figures are testable without
 * HTTP. Custom Analytics rows carry the account (api_key), so active users of any period are counted from them.
 */
final class WindsurfFacts {

    /** Organisation and group usage: Custom Analytics and Cascade figures, credits; no tokens, no cost. */
    static final UsageFigures SCOPE_ZERO = new UsageFigures(0L, 0L, 0L, 0L, 0L, null, null, 0.0, null);
    /** Per account: Cascade has no per-user breakdown one call could give for many people, so its figures are null. */
    static final UsageFigures ACCOUNT_ZERO = new UsageFigures(0L, 0L, 0L, null, null, null, null, null, null);

    /** {@code promptsUsed} counts cents of a credit. */
    private static final double CENTS_PER_CREDIT = 100.0;

    private WindsurfFacts() {
    }

    /**
     * USER_DATA sums per api_key and date (each row marks its account active that day) and CHAT_DATA sums per api_key
     * and date, by day.
     */
    static Map<LocalDate, List<DailyUsage>> analytics(List<Row> completions, List<Row> chats) {
        Map<LocalDate, List<DailyUsage>> days = new TreeMap<>();
        // one String per api_key and one LocalDate per day, not one per row: an organisation's 30 days are a million
        // rows held in the cache, and the decoder made a copy of both for each
        Map<Object, Object> same = new HashMap<>();
        for (Row row : completions) {
            add(days, new DailyUsage(one(same, row.date()), one(same, row.apiKey()), 1L, new UsageFigures(
                    row.acceptances(), row.linesAccepted(), null, null, null, null, null, null, null)));
        }
        for (Row row : chats) {
            add(days, new DailyUsage(one(same, row.date()), one(same, row.apiKey()), null,
                    new UsageFigures(null, null, row.chatsReceived(), null, null, null, null, null, null)));
        }
        return days;
    }

    /** Days of Custom Analytics rows regrouped by account (api_key), rows in day order; the rows are not copied. */
    static Map<String, List<DailyUsage>> byAccount(List<List<DailyUsage>> days) {
        Map<String, List<DailyUsage>> byAccount = new HashMap<>();
        for (List<DailyUsage> day : days) {
            for (DailyUsage row : day) {
                if (row.account() != null) {
                    byAccount.computeIfAbsent(row.account(), a -> new ArrayList<>()).add(row);
                }
            }
        }
        return byAccount;
    }

    @SuppressWarnings("unchecked")
    private static <T> T one(Map<Object, Object> same, T value) {
        return value == null ? null : (T) same.computeIfAbsent(value, v -> v);
    }

    /** Cascade lines and runs (a conversation may be split over several runs: figures add up), by UTC day. */
    static Map<LocalDate, List<DailyUsage>> cascade(List<Line> lines, List<Run> runs) {
        Map<LocalDate, List<DailyUsage>> days = new TreeMap<>();
        for (Line line : lines) {
            add(days, new DailyUsage(utcDay(line.day()), null, null,
                    new UsageFigures(null, null, null, null, line.linesAccepted(), null, null, null, null)));
        }
        for (Run run : runs) {
            add(days, new DailyUsage(utcDay(run.day()), null, null, new UsageFigures(null, null, null,
                    run.messagesSent(), null, null, null, run.promptsUsed() / CENTS_PER_CREDIT, null)));
        }
        return days;
    }

    private static void add(Map<LocalDate, List<DailyUsage>> days, DailyUsage row) {
        days.computeIfAbsent(row.day(), d -> new ArrayList<>()).add(row);
    }

    private static LocalDate utcDay(Instant day) {
        return LocalDate.ofInstant(day, ZoneOffset.UTC);
    }
}
