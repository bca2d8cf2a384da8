package io.aiusage.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolls a vendor's daily facts up into one {@link UsageBucket} per period, the same way for every vendor. Because the
 * facts are whole days, every granularity is served from the same days: the cache keeps days, never finished buckets.
 */
public final class UsageRollup {

    /** Credits are hundredths (Windsurf counts cents of a credit); sums are rounded back to them. */
    private static final double CREDIT_STEP = 100.0;
    /** Cost sums are rounded to a millionth, so adding days never shows floating-point noise. */
    private static final double COST_STEP = 1_000_000.0;

    private UsageRollup() {
    }

    /** One bucket per period of the vendor's scope (organisation or team), in period order. */
    public static List<UsageBucket> buckets(Vendor vendor, UsageFacts facts, List<TimeWindow> periods) {
        List<UsageBucket> buckets = new ArrayList<>(periods.size());
        for (TimeWindow period : periods) {
            List<DailyUsage> rows = facts.rows().stream().filter(r -> within(r, period)).toList();
            Long active = facts.activeUsers() == null ? distinctActive(rows)
                    : facts.activeUsers().getOrDefault(period, 0L);
            buckets.add(bucket(vendor, period, active, sum(facts.zeroOver(period), rows)));
        }
        return buckets;
    }

    /**
     * One list of buckets per account id, one bucket per period: {@code activeUsers} is 1 when the account was active
     * in the period, else 0. Scope rows are ignored; accounts the connector could not read get no list at all.
     */
    public static Map<String, List<UsageBucket>> perAccount(Vendor vendor, UsageFacts facts, List<String> accounts,
            List<TimeWindow> periods) {
        Map<String, List<String>> single = new LinkedHashMap<>();
        accounts.forEach(account -> single.put(account, List.of(account)));
        return perGroup(vendor, facts, single, periods);
    }

    /**
     * One list of buckets per group of accounts (a person's accounts on this vendor), one bucket per period: the
     * figures of all the group's accounts added up, {@code activeUsers} 1 when any of them was active in the period,
     * else 0. Scope rows are ignored; a group with an account the connector could not read gets no list at all, as
     * its figures would be short.
     */
    public static Map<String, List<UsageBucket>> perGroup(Vendor vendor, UsageFacts facts,
            Map<String, List<String>> accountsByGroup, List<TimeWindow> periods) {
        Map<String, String> groupOf = new HashMap<>();
        Map<String, List<DailyUsage>> byGroup = new LinkedHashMap<>();
        accountsByGroup.forEach((group, accounts) -> {
            if (accounts.stream().noneMatch(facts.unknownAccounts()::contains)) {
                byGroup.put(group, new ArrayList<>());
                accounts.forEach(account -> groupOf.put(account, group));
            }
        });
        for (DailyUsage row : facts.rows()) {
            String group = row.account() == null ? null : groupOf.get(row.account());
            if (group != null) {
                byGroup.get(group).add(row);
            }
        }
        Map<String, List<UsageBucket>> result = new LinkedHashMap<>();
        byGroup.forEach((group, rows) -> result.put(group, periods.stream().map(period -> {
            List<DailyUsage> in = rows.stream().filter(r -> within(r, period)).toList();
            return bucket(vendor, period, in.stream().anyMatch(DailyUsage::marksActive) ? 1L : 0L,
                    sum(facts.zeroOver(period), in));
        }).toList()));
        return result;
    }

    private static boolean within(DailyUsage row, TimeWindow period) {
        return !row.day().isBefore(period.firstDay()) && row.day().isBefore(period.endDayExclusive());
    }

    private static long distinctActive(List<DailyUsage> rows) {
        Set<String> accounts = new HashSet<>();
        rows.stream().filter(DailyUsage::marksActive).forEach(r -> accounts.add(r.account()));
        return accounts.size();
    }

    private static UsageFigures sum(UsageFigures zero, List<DailyUsage> rows) {
        UsageFigures total = zero.zero();
        for (DailyUsage row : rows) {
            total = total.plus(row.figures());
        }
        return total;
    }

    private static UsageBucket bucket(Vendor vendor, TimeWindow period, Long active, UsageFigures f) {
        return new UsageBucket(vendor, period.from(), period.to(), active, f.completionsAccepted(),
                f.completionLinesAccepted(), f.chatMessages(), f.agentMessages(), f.agentLinesAccepted(),
                f.inputTokens(), f.outputTokens(), round(f.credits(), CREDIT_STEP), round(f.cost(), COST_STEP));
    }

    private static Double round(Double value, double step) {
        return value == null ? null : Math.round(value * step) / step;
    }
}
