package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Roll-ups without any vendor: figures a source reports only on some days. */
class UsageRollupTest {

    private static final UsageFigures ZERO = new UsageFigures(0L, 0L, 0L, 0L, 0L, 0L, 0L, null, null);
    private static final UsageFigures NO_TOKENS = new UsageFigures(0L, 0L, 0L, 0L, 0L, null, null, null, null);
    private static final LocalDate MONDAY = LocalDate.parse("2025-06-09");

    @Test
    void aFigureReportedOnlyOnSomeDaysIsNullOnTheOthersAndCountsItsDaysInLongerPeriods() {
        // Monday and Tuesday report no tokens (a vendor API without them), Wednesday on do
        List<DailyUsage> rows = List.of(row(MONDAY, null, 5, null), row(MONDAY.plusDays(1), null, 6, null),
                row(MONDAY.plusDays(2), null, 7, 70L), row(MONDAY.plusDays(3), null, 8, 80L));
        UsageFacts facts = new UsageFacts(ZERO, rows, null, Set.of(),
                Map.of(MONDAY, NO_TOKENS, MONDAY.plusDays(1), NO_TOKENS));
        TimeWindow window = TimeWindow.days(MONDAY, MONDAY.plusDays(4));

        List<UsageBucket> days = UsageRollup.buckets(Vendor.TABNINE, facts, Periods.of(window, Granularity.DAY));
        List<UsageBucket> total = UsageRollup.buckets(Vendor.TABNINE, facts, Periods.of(window, Granularity.TOTAL));
        List<UsageBucket> before = UsageRollup.buckets(Vendor.TABNINE, facts,
                Periods.of(TimeWindow.days(MONDAY, MONDAY.plusDays(2)), Granularity.TOTAL));

        assertEquals(Arrays.asList(null, null, 70L, 80L), days.stream().map(UsageBucket::inputTokens).toList());
        assertEquals(150L, total.getFirst().inputTokens());
        assertEquals(26L, total.getFirst().completionsAccepted());
        assertNull(before.getFirst().inputTokens(), "no day of the period reports tokens");
        assertEquals(11L, before.getFirst().completionsAccepted());
    }

    private static DailyUsage row(LocalDate day, String account, long completions, Long tokens) {
        return new DailyUsage(day, account, account == null ? 3L : 1L,
                new UsageFigures(completions, completions, 0L, 0L, 0L, tokens, tokens, null, null));
    }
}
