package io.aiusage.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rolls a vendor's keyed daily facts up into {@link BreakdownRow}s, one per key per period, the same way for every
 * vendor: keys are normalised ({@link UsageKeys}), figures summed from the dimension's zero (so a row has exactly the
 * figures the vendor splits by that dimension), people counted per key. One pass over the rows, whatever the number
 * of periods or keys, so the rows of a key add up to the usage bucket of the same period by construction.
 */
public final class UsageBreakdown {

    /** Rows in report order: period start, vendor, key. */
    public static final Comparator<BreakdownRow> ORDER = Comparator.comparing(BreakdownRow::from)
            .thenComparing(BreakdownRow::vendor).thenComparing(BreakdownRow::key);

    private static final double CREDIT_STEP = 100.0;

    private UsageBreakdown() {
    }

    /** The rows of a vendor's scope (organisation or team), in period then key order. */
    public static List<BreakdownRow> rows(Vendor vendor, UsageDimension dimension, BreakdownFacts facts,
            List<TimeWindow> periods) {
        boolean countsPeople = facts.rows().stream().allMatch(r -> r.account() != null);
        return roll(vendor, dimension, facts.zero(), facts.rows(), periods, countsPeople);
    }

    /**
     * The rows of each of {@code accounts}, in period then key order: {@code activeUsers} is 1 when the account used
     * the key in the period, else 0. Scope rows (no account) are left out; an account without rows gets an empty list.
     */
    public static Map<String, List<BreakdownRow>> perAccount(Vendor vendor, UsageDimension dimension,
            BreakdownFacts facts, List<String> accounts, List<TimeWindow> periods) {
        Map<String, List<KeyedUsage>> byAccount = new LinkedHashMap<>();
        accounts.forEach(a -> byAccount.put(a, new ArrayList<>()));
        for (KeyedUsage row : facts.rows()) {
            List<KeyedUsage> own = row.account() == null ? null : byAccount.get(row.account());
            if (own != null) {
                own.add(row);
            }
        }
        Map<String, List<BreakdownRow>> result = new LinkedHashMap<>();
        byAccount.forEach((account, rows) -> result.put(account,
                roll(vendor, dimension, facts.zero(), rows, periods, true)));
        return result;
    }

    private static List<BreakdownRow> roll(Vendor vendor, UsageDimension dimension, UsageFigures zero,
            List<KeyedUsage> rows, List<TimeWindow> periods, boolean countsPeople) {
        List<Map<String, Sum>> sums = new ArrayList<>(periods.size());
        periods.forEach(p -> sums.add(new TreeMap<>()));
        Map<LocalDate, Integer> periodOfDay = new HashMap<>();
        for (KeyedUsage row : rows) {
            if (row.dimension() != dimension) {
                continue;
            }
            int period = periodOfDay.computeIfAbsent(row.day(), day -> indexOf(periods, day));
            if (period < 0) {
                continue;
            }
            String key = UsageKeys.normalise(dimension, row.key());
            sums.get(period).computeIfAbsent(key, k -> new Sum(zero.zero())).add(row);
        }
        List<BreakdownRow> result = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            TimeWindow period = periods.get(i);
            sums.get(i).forEach((key, sum) -> result.add(row(vendor, dimension, period, key, sum, countsPeople)));
        }
        return result;
    }

    private static BreakdownRow row(Vendor vendor, UsageDimension dimension, TimeWindow period, String key, Sum sum,
            boolean countsPeople) {
        UsageFigures f = sum.figures;
        return new BreakdownRow(vendor, period.from(), period.to(), dimension, key,
                countsPeople ? (long) sum.people.size() : null, f.completionsAccepted(), f.completionLinesAccepted(),
                f.chatMessages(), f.agentMessages(), f.agentLinesAccepted(), f.inputTokens(), f.outputTokens(),
                f.credits() == null ? null : Math.round(f.credits() * CREDIT_STEP) / CREDIT_STEP, sum.apportioned);
    }

    /** The period holding {@code day} (periods are consecutive and in order), or -1. */
    private static int indexOf(List<TimeWindow> periods, LocalDate day) {
        int low = 0;
        int high = periods.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            TimeWindow period = periods.get(middle);
            if (day.isBefore(period.firstDay())) {
                high = middle - 1;
            } else if (!day.isBefore(period.endDayExclusive())) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** One key's running figures in one period. */
    private static final class Sum {
        private UsageFigures figures;
        private final Set<String> people = new HashSet<>();
        private boolean apportioned;

        Sum(UsageFigures zero) {
            this.figures = zero;
        }

        void add(KeyedUsage row) {
            figures = figures.plus(row.figures());
            if (row.active() && row.account() != null) {
                people.add(row.account());
            }
            apportioned |= row.apportioned();
        }
    }
}
