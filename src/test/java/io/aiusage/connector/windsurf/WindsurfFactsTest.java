package io.aiusage.connector.windsurf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiusage.connector.windsurf.CustomAnalytics.Row;
import io.aiusage.domain.DailyUsage;

/**
 * Issue 16, build 2: a Custom Analytics answer for an organisation is a million rows held in the cache; each row's
 * api_key and day are kept once per answer, not once per row as the decoder made them.
 */
class WindsurfFactsTest {

    @Test
    void rowsOfOneAccountShareItsKeyAndRowsOfOneDayShareTheDay() {
        // equal values, distinct objects, as a JSON decoder makes them
        Row monday = new Row(new String("wskey-ann"), LocalDate.parse("2026-03-02"), 3, 4, 0);
        Row tuesday = new Row(new String("wskey-ann"), LocalDate.parse("2026-03-03"), 1, 1, 0);
        Row bobMonday = new Row(new String("wskey-bob"), LocalDate.parse("2026-03-02"), 2, 2, 0);
        Row annChat = new Row(new String("wskey-ann"), LocalDate.parse("2026-03-02"), 0, 0, 5);

        Map<LocalDate, List<DailyUsage>> days = WindsurfFacts.analytics(List.of(monday, tuesday, bobMonday),
                List.of(annChat));

        List<DailyUsage> first = days.get(LocalDate.parse("2026-03-02"));
        List<DailyUsage> second = days.get(LocalDate.parse("2026-03-03"));
        assertEquals(List.of("wskey-ann", "wskey-bob", "wskey-ann"), first.stream().map(DailyUsage::account).toList());
        assertSame(first.get(0).account(), second.get(0).account());
        assertSame(first.get(0).account(), first.get(2).account());
        assertSame(first.get(0).day(), first.get(1).day());
        assertEquals(5L, first.get(2).figures().chatMessages());
    }
}
