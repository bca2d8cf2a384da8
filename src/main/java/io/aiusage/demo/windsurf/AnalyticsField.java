package io.aiusage.demo.windsurf;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A field of a Custom Analytics data source, with the aggregation functions the Windsurf docs allow on it. The kind
 * decides how a selection of it is computed over a group of rows.
 *
 * @param <R> the row type of the data source
 */
sealed interface AnalyticsField<R> {

    String name();

    /** The type named in Windsurf's "invalid aggregation function for ... type field" message. */
    String type();

    Set<Aggregate> allowed();

    /** Windsurf's {@code aggregation_function} values. */
    enum Aggregate {
        UNSPECIFIED, COUNT, SUM, AVG, MAX, MIN;

        String wire() {
            return "QUERY_AGGREGATION_" + name();
        }

        /** Absent means UNSPECIFIED. */
        static Optional<Aggregate> parse(String wire) {
            if (wire.isEmpty()) {
                return Optional.of(UNSPECIFIED);
            }
            for (Aggregate aggregate : values()) {
                if (aggregate.wire().equals(wire)) {
                    return Optional.of(aggregate);
                }
            }
            return Optional.empty();
        }
    }

    /** A string attribute of a row (api_key, date, ide, ...): selected as is, grouped by, or counted. */
    record Dimension<R>(String name, Function<R, String> value) implements AnalyticsField<R> {
        public String type() {
            return "string";
        }

        public Set<Aggregate> allowed() {
            return EnumSet.of(Aggregate.UNSPECIFIED, Aggregate.COUNT);
        }
    }

    /** A count attached to a row (num_acceptances, lines_added, ...). */
    record Measure<R>(String name, ToLongFunction<R> value) implements AnalyticsField<R> {
        public String type() {
            return "int";
        }

        public Set<Aggregate> allowed() {
            return EnumSet.of(Aggregate.SUM, Aggregate.MAX, Aggregate.MIN, Aggregate.AVG, Aggregate.COUNT);
        }
    }

    /** A yes/no attribute of a row (accepted, chat_applied, ...): SUM counts the yeses. */
    record Flag<R>(String name, Predicate<R> value) implements AnalyticsField<R> {
        public String type() {
            return "bool";
        }

        public Set<Aggregate> allowed() {
            return EnumSet.of(Aggregate.SUM, Aggregate.COUNT);
        }
    }

    /**
     * A count of distinct keys in a group (distinct_users, ...). It cannot be grouped by; {@code instead} are the
     * fields Windsurf suggests grouping by.
     */
    record Distinct<R>(String name, Function<R, String> key, List<String> instead) implements AnalyticsField<R> {
        public String type() {
            return "int";
        }

        public Set<Aggregate> allowed() {
            return EnumSet.of(Aggregate.UNSPECIFIED, Aggregate.COUNT);
        }
    }

    /**
     * A figure computed over a whole group from sums of its rows (the PCW fields); selectable only without an
     * aggregation function. {@code value} gets the sums of {@code parts}, in their order.
     */
    record Derived<R>(String name, String type, List<ToLongFunction<R>> parts, Function<long[], String> value)
            implements AnalyticsField<R> {
        public Set<Aggregate> allowed() {
            return EnumSet.of(Aggregate.UNSPECIFIED);
        }
    }
}
