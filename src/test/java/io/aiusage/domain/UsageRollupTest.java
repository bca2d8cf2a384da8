package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Roll-ups without any vendor: figures a source reports only on some days, and a person's accounts on one vendor. */
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

    @Test
    void aGroupOfAccountsIsOneBucketPerPeriodAndIsLeftOutWhenOneAccountIsUnknown() {
        List<DailyUsage> rows = List.of(row(MONDAY, "ann-1", 4, 10L), row(MONDAY, "ann-2", 3, 5L),
                row(MONDAY.plusDays(1), "ann-2", 6, 1L), row(MONDAY, "bob", 9, 9L), row(MONDAY, "cy-1", 2, 2L));
        UsageFacts facts = new UsageFacts(ZERO, rows, null, Set.of("cy-2"));
        Map<String, List<String>> people = new LinkedHashMap<>();
        people.put("ann@x.com", List.of("ann-1", "ann-2"));
        people.put("bob@x.com", List.of("bob"));
        people.put("cy@x.com", List.of("cy-1", "cy-2"));

        Map<String, List<UsageBucket>> byPerson = UsageRollup.perGroup(Vendor.TABNINE, facts, people,
                Periods.of(TimeWindow.days(MONDAY, MONDAY.plusDays(2)), Granularity.DAY));

        assertEquals(List.of("ann@x.com", "bob@x.com"), List.copyOf(byPerson.keySet()),
                "cy's second account could not be read: no bucket rather than a short one");
        assertEquals(List.of(7L, 6L), byPerson.get("ann@x.com").stream().map(UsageBucket::completionsAccepted)
                .toList());
        assertEquals(List.of(15L, 1L), byPerson.get("ann@x.com").stream().map(UsageBucket::inputTokens).toList());
        assertEquals(List.of(1L, 1L), byPerson.get("ann@x.com").stream().map(UsageBucket::activeUsers).toList());
        assertEquals(List.of(1L, 0L), byPerson.get("bob@x.com").stream().map(UsageBucket::activeUsers).toList());
    }

    private static DailyUsage row(LocalDate day, String account, long completions, Long tokens) {
        return new DailyUsage(day, account, account == null ? 3L : 1L,
                new UsageFigures(completions, completions, 0L, 0L, 0L, tokens, tokens, null, null));
    }
}
