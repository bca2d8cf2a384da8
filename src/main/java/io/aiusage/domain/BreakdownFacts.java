package io.aiusage.domain;

import java.util.List;

/**
 * What a connector knows about one dimension over the whole UTC days of a window, before any roll-up.
 *
 * @param zero the figures of a key without rows: 0 for every figure this vendor splits by this dimension, null for
 *             the others
 * @param rows daily keyed rows, in no particular order
 */
public record BreakdownFacts(UsageFigures zero, List<KeyedUsage> rows) {

    public BreakdownFacts {
        rows = List.copyOf(rows);
    }
}
