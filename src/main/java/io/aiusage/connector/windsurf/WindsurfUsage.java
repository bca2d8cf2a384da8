package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.aiusage.domain.Periods;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.WindsurfAccount;
import io.aiusage.connector.windsurf.CascadeAnalytics.Line;
import io.aiusage.connector.windsurf.CascadeAnalytics.Run;
import io.aiusage.connector.windsurf.CustomAnalytics.Row;

/**
 * Rolls Windsurf rows up into one {@link UsageBucket} per period, following the metric table of the design. Pure, so
 * the figures are testable without HTTP. Rows dated outside every period are ignored.
 */
final class WindsurfUsage {

    /** {@code promptsUsed} counts cents of a credit. */
    private static final double CENTS_PER_CREDIT = 100.0;

    private WindsurfUsage() {
    }

    /** Organisation or group figures: completions and active users from USER_DATA, chats, Cascade lines and runs. */
    static List<UsageBucket> organisation(List<TimeWindow> periods, List<Row> completions, List<Row> chats,
            List<Line> lines, List<Run> runs) {
        Totals[] totals = Totals.per(periods);
        spread(periods, totals, completions, Row::date, Totals::addCompletions);
        spread(periods, totals, chats, Row::date, Totals::addChats);
        spread(periods, totals, lines, line -> utcDay(line.day()), Totals::addLine);
        spread(periods, totals, runs, run -> utcDay(run.day()), Totals::addRun);
        return buckets(periods, totals, true);
    }

    /**
     * Figures per account, joined on the account's hashed API key. Cascade has no per-user breakdown that can be read
     * for many users in one call, so agent figures and credits are null here. Every account gets a list, empty
     * periods included.
     */
    static Map<String, List<UsageBucket>> perAccount(List<TimeWindow> periods, List<VendorAccount> accounts,
            List<Row> completions, List<Row> chats) {
        Map<String, List<Row>> completionsByKey = byApiKey(completions);
        Map<String, List<Row>> chatsByKey = byApiKey(chats);
        Map<String, List<UsageBucket>> result = new LinkedHashMap<>();
        for (VendorAccount account : accounts) {
            String apiKey = apiKeyOf(account);
            Totals[] totals = Totals.per(periods);
            spread(periods, totals, completionsByKey.getOrDefault(apiKey, List.of()), Row::date,
                    Totals::addCompletions);
            spread(periods, totals, chatsByKey.getOrDefault(apiKey, List.of()), Row::date, Totals::addChats);
            result.put(account.accountId(), buckets(periods, totals, false));
        }
        return result;
    }

    private static Map<String, List<Row>> byApiKey(List<Row> rows) {
        return rows.stream().filter(row -> row.apiKey() != null).collect(Collectors.groupingBy(Row::apiKey));
    }

    private static List<UsageBucket> buckets(List<TimeWindow> periods, Totals[] totals, boolean withCascade) {
        return IntStream.range(0, periods.size()).mapToObj(i -> totals[i].bucket(periods.get(i), withCascade))
                .toList();
    }

    private static String apiKeyOf(VendorAccount account) {
        return account instanceof WindsurfAccount windsurf ? windsurf.apiKeyHash() : null;
    }

    private static LocalDate utcDay(Instant day) {
        return LocalDate.ofInstant(day, ZoneOffset.UTC);
    }

    private static <T> void spread(List<TimeWindow> periods, Totals[] totals, List<T> rows,
            Function<T, LocalDate> day, BiConsumer<Totals, T> adder) {
        for (T row : rows) {
            int i = Periods.indexOf(periods, day.apply(row));
            if (i >= 0) {
                adder.accept(totals[i], row);
            }
        }
    }

    /** Running sums of one period. */
    private static final class Totals {
        private final Set<String> users = new HashSet<>();
        private long completions;
        private long completionLines;
        private long chats;
        private long agentMessages;
        private long agentLines;
        private long promptsUsed;

        static Totals[] per(List<TimeWindow> periods) {
            return periods.stream().map(p -> new Totals()).toArray(Totals[]::new);
        }

        void addCompletions(Row row) {
            users.add(row.apiKey());
            completions += row.acceptances();
            completionLines += row.linesAccepted();
        }

        void addChats(Row row) {
            chats += row.chatsReceived();
        }

        void addLine(Line line) {
            agentLines += line.linesAccepted();
        }

        void addRun(Run run) {
            agentMessages += run.messagesSent();
            promptsUsed += run.promptsUsed();
        }

        UsageBucket bucket(TimeWindow period, boolean withCascade) {
            return new UsageBucket(Vendor.WINDSURF, period.from(), period.to(), (long) users.size(), completions,
                    completionLines, chats, withCascade ? agentMessages : null, withCascade ? agentLines : null,
                    null, null, withCascade ? promptsUsed / CENTS_PER_CREDIT : null, null);
        }
    }
}
