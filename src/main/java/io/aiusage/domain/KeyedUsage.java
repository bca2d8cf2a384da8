package io.aiusage.domain;

import java.time.LocalDate;

/**
 * One row of a vendor's breakdown facts: the figures of one UTC day under one key (a language, an IDE or a model) of
 * one dimension, for one account ({@code account} set) or for a whole scope ({@code account} null, when the vendor
 * does not say who). The key is the vendor's own spelling; {@link UsageKeys} normalises it when rows are rolled up.
 *
 * @param active      true on an account row whose account used the key that day (counts it in the key's
 *                    activeUsers)
 * @param apportioned true when the vendor named several keys for the day but not the amount of each, so the day's
 *                    figures were split evenly among them (Tabnine languages and IDEs)
 */
public record KeyedUsage(LocalDate day, String account, UsageDimension dimension, String key, boolean active,
        boolean apportioned, UsageFigures figures) {
}
