package io.aiusage.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.aiusage.config.DemoConfig;

/**
 * What the synthetic organisation is generated from. The same settings always give the same organisation, so demos,
 * tests and benchmarks can be repeated.
 *
 * @param people      how many people the organisation has
 * @param seed        the random seed
 * @param anchorDate  the last day with activity (UTC)
 * @param historyDays how many days of activity end on the anchor date
 */
public record DemoSettings(int people, long seed, LocalDate anchorDate, int historyDays) {

    public DemoSettings {
        if (people < 1 || historyDays < 1) {
            throw new IllegalArgumentException("demo.people and demo.history-days must be positive");
        }
    }

    /** The settings configured under {@code demo.*}; the anchor date defaults to today (UTC). */
    public static DemoSettings from(DemoConfig config) {
        return new DemoSettings(config.people(), config.seed(),
                config.anchorDate().orElseGet(() -> LocalDate.now(ZoneOffset.UTC)), config.historyDays());
    }

    /** The first day with activity. */
    public LocalDate firstDay() {
        return anchorDate.minusDays(historyDays - 1L);
    }
}
