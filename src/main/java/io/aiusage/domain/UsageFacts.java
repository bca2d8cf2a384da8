package io.aiusage.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a connector knows about usage over the whole UTC days of a window, before any roll-up: daily rows plus, where
 * distinct active users cannot be counted from the rows, the vendor's own figure per period.
 *
 * @param zero            the figures of a period without rows: 0 for every metric this source reports, null for the
 *                        others (so a Windsurf bucket has null tokens, a Tabnine one null credits)
 * @param rows            daily rows, in no particular order
 * @param activeUsers     null when the rows carry accounts, so a period's active users are the distinct accounts with
 *                        an active row in it (any granularity from the same days); otherwise the vendor's figure for
 *                        each period, asked at that granularity (Tabnine organisation and team usage)
 * @param unknownAccounts accounts whose rows could not be read: left out of per-account roll-ups rather than shown as
 *                        zero
 * @param zeroByDay       days on which the source reports other figures than {@code zero} (Tabnine days read from its
 *                        v1 API have no tokens), with the figures reported on each; a period reports a figure when
 *                        any of its days does
 */
public record UsageFacts(UsageFigures zero, List<DailyUsage> rows, Map<TimeWindow, Long> activeUsers,
        Set<String> unknownAccounts, Map<LocalDate, UsageFigures> zeroByDay) {

    public UsageFacts {
        rows = List.copyOf(rows);
        activeUsers = activeUsers == null ? null : Map.copyOf(activeUsers);
        unknownAccounts = Set.copyOf(unknownAccounts);
        zeroByDay = Map.copyOf(zeroByDay);
    }

    /** Facts whose every day reports the figures of {@code zero}. */
    public UsageFacts(UsageFigures zero, List<DailyUsage> rows, Map<TimeWindow, Long> activeUsers,
            Set<String> unknownAccounts) {
        this(zero, rows, activeUsers, unknownAccounts, Map.of());
    }

    /**
     * The figures of {@code period} without rows: 0 for every figure reported on at least one of its days, null for
     * the others. So a Tabnine week spanning the upgrade to 6.2 has tokens (from its v2 days), a week before it none.
     */
    public UsageFigures zeroOver(TimeWindow period) {
        if (zeroByDay.isEmpty()) {
            return zero;
        }
        UsageFigures reported = null;
        for (LocalDate day = period.firstDay(); day.isBefore(period.endDayExclusive()); day = day.plusDays(1)) {
            UsageFigures onDay = zeroByDay.getOrDefault(day, zero);
            reported = reported == null ? onDay : reported.union(onDay);
        }
        return reported == null ? zero : reported;
    }

    /** Rows that carry their accounts: active users are counted from them. */
    public static UsageFacts countable(UsageFigures zero, List<DailyUsage> rows) {
        return new UsageFacts(zero, rows, null, Set.of());
    }
}
