package io.aiusage.domain;

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
 */
public record UsageFacts(UsageFigures zero, List<DailyUsage> rows, Map<TimeWindow, Long> activeUsers,
        Set<String> unknownAccounts) {

    public UsageFacts {
        rows = List.copyOf(rows);
        activeUsers = activeUsers == null ? null : Map.copyOf(activeUsers);
        unknownAccounts = Set.copyOf(unknownAccounts);
    }

    /** Rows that carry their accounts: active users are counted from them. */
    public static UsageFacts countable(UsageFigures zero, List<DailyUsage> rows) {
        return new UsageFacts(zero, rows, null, Set.of());
    }
}
