package io.aiusage.demo.windsurf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.aiusage.demo.windsurf.AnalyticsField.Aggregate;
import io.aiusage.demo.windsurf.AnalyticsQuery.Selection;

/**
 * One Custom Analytics group's running figures, added to as its rows are read so that no group keeps its rows: the
 * row count and, per selection, the sum, minimum and maximum (measures), the yes count (flags), the parts' sums
 * (derived fields) or the distinct keys, at that selection's slots of {@link Layout}.
 *
 * @param <R> the row type of the data source
 */
final class AnalyticsGroup<R> {

    /** Where each selection's running figures start in a group's values, and their starting values. */
    static final class Layout<R> {
        private final List<Selection<R>> selections;
        private final int[] slots;
        private final long[] initialValues;

        Layout(List<Selection<R>> selections) {
            this.selections = List.copyOf(selections);
            slots = new int[selections.size()];
            List<Long> initial = new ArrayList<>();
            for (int s = 0; s < selections.size(); s++) {
                slots[s] = initial.size();
                switch (selections.get(s).field()) {
                    case AnalyticsField.Measure<R> m -> initial.addAll(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE));
                    case AnalyticsField.Flag<R> f -> initial.add(0L);
                    case AnalyticsField.Derived<R> d -> d.parts().forEach(part -> initial.add(0L));
                    default -> {
                        // no running figure
                    }
                }
            }
            initialValues = initial.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private final Layout<R> layout;
    private final long[] values;
    private long rows;
    private List<Set<String>> distinct;

    AnalyticsGroup(Layout<R> layout) {
        this.layout = layout;
        this.values = layout.initialValues.clone();
    }

    void add(R row) {
        rows++;
        int distinctIndex = 0;
        for (int s = 0; s < layout.selections.size(); s++) {
            int slot = layout.slots[s];
            switch (layout.selections.get(s).field()) {
                case AnalyticsField.Measure<R> m -> {
                    long value = m.value().applyAsLong(row);
                    values[slot] += value;
                    values[slot + 1] = Math.min(values[slot + 1], value);
                    values[slot + 2] = Math.max(values[slot + 2], value);
                }
                case AnalyticsField.Flag<R> f -> values[slot] += f.value().test(row) ? 1 : 0;
                case AnalyticsField.Derived<R> d -> {
                    for (int p = 0; p < d.parts().size(); p++) {
                        values[slot + p] += d.parts().get(p).applyAsLong(row);
                    }
                }
                case AnalyticsField.Distinct<R> d -> {
                    if (distinct == null) {
                        distinct = new ArrayList<>();
                    }
                    if (distinct.size() == distinctIndex) {
                        distinct.add(new HashSet<>());
                    }
                    distinct.get(distinctIndex++).add(d.key().apply(row));
                }
                case AnalyticsField.Dimension<R> d -> {
                    // its value is in the group key; COUNT is the row count
                }
            }
        }
    }

    String value(int s, List<AnalyticsField.Dimension<R>> keys, List<String> key) {
        Selection<R> selection = layout.selections.get(s);
        int slot = layout.slots[s];
        return switch (selection.field()) {
            case AnalyticsField.Dimension<R> d -> selection.function() == Aggregate.COUNT
                    ? Long.toString(rows)
                    : key.get(keys.indexOf(d));
            case AnalyticsField.Measure<R> m -> measure(selection.function(), slot);
            case AnalyticsField.Flag<R> f -> Long.toString(selection.function() == Aggregate.COUNT ? rows
                    : values[slot]);
            case AnalyticsField.Distinct<R> d -> Integer.toString(rows == 0 ? 0
                    : distinct.get(distinctIndex(s)).size());
            case AnalyticsField.Derived<R> d -> d.value().apply(
                    Arrays.copyOfRange(values, slot, slot + d.parts().size()));
        };
    }

    private String measure(Aggregate function, int slot) {
        if (rows == 0) {
            return "0";
        }
        return switch (function) {
            case COUNT -> Long.toString(rows);
            case MAX -> Long.toString(values[slot + 2]);
            case MIN -> Long.toString(values[slot + 1]);
            case AVG -> BigDecimal.valueOf(values[slot]).divide(BigDecimal.valueOf(rows), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            default -> Long.toString(values[slot]);
        };
    }

    private int distinctIndex(int selection) {
        int index = 0;
        for (int s = 0; s < selection; s++) {
            if (layout.selections.get(s).field() instanceof AnalyticsField.Distinct) {
                index++;
            }
        }
        return index;
    }
}
