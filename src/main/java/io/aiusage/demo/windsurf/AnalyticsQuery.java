package io.aiusage.demo.windsurf;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.aiusage.demo.WindsurfSeat;
import io.aiusage.demo.windsurf.AnalyticsField.Aggregate;

/**
 * One Custom Analytics {@code query_requests} entry, validated in Windsurf's order with its documented messages, and
 * run over the rows of its data source.
 * <p>
 * Semantics: filters keep rows; rows are grouped by the {@code aggregations} fields (and, when no selection has an
 * aggregation function, also by the selected plain fields); each group gives one item, in ascending order of its
 * group values. Without any grouping there is exactly one item, even over no rows (sums are then {@code "0"}).
 *
 * @param <R> the row type of the data source
 */
final class AnalyticsQuery<R> {

    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    record Selection<R>(AnalyticsField<R> field, Aggregate function, String alias) {
    }

    private record GroupBy<R>(AnalyticsField.Dimension<R> field, String alias) {
    }

    private enum Operator {
        EQUAL, NOT_EQUAL, GREATER_THAN, LESS_THAN, GE, LE;

        boolean holds(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
                case GREATER_THAN -> comparison > 0;
                case LESS_THAN -> comparison < 0;
                case GE -> comparison >= 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /** {@code number} is {@code value} parsed, for a measure. */
    private record Filter<R>(AnalyticsField<R> field, Operator operator, String value, BigDecimal number) {
        boolean test(R row) {
            int comparison = switch (field) {
                case AnalyticsField.Dimension<R> d -> d.value().apply(row).compareTo(value);
                case AnalyticsField.Measure<R> m -> BigDecimal.valueOf(m.value().applyAsLong(row)).compareTo(number);
                case AnalyticsField.Flag<R> f -> Boolean.compare(f.value().test(row), Boolean.parseBoolean(value));
                default -> throw new IllegalStateException("not filterable: " + field.name());
            };
            return operator.holds(comparison);
        }
    }

    private final AnalyticsTable<R> table;
    private final List<Selection<R>> selections = new ArrayList<>();
    private final List<GroupBy<R>> groupBys = new ArrayList<>();
    private final List<Filter<R>> filters = new ArrayList<>();
    private final boolean aggregated;
    private final AnalyticsGroup.Layout<R> layout;

    /** Parses and validates one query request; 400 with Windsurf's message when it is invalid. */
    static AnalyticsQuery<?> parse(JsonNode request) {
        AnalyticsTable<?> table = AnalyticsTable.of(request.path("data_source").asText(""))
                .orElseThrow(() -> WindsurfWire.badRequest("invalid query table: QUERY_DATA_SOURCE_UNSPECIFIED"));
        return new AnalyticsQuery<>(table, request);
    }

    private AnalyticsQuery(AnalyticsTable<R> table, JsonNode request) {
        this.table = table;
        JsonNode selectionsJson = request.path("selections");
        JsonNode aggregationsJson = request.path("aggregations");
        if (selectionsJson.isEmpty() && aggregationsJson.isEmpty()) {
            throw WindsurfWire.badRequest("at least one field or aggregation is required");
        }
        for (JsonNode selection : selectionsJson) {
            String function = selection.path("aggregation_function").asText("");
            Aggregate aggregate = Aggregate.parse(function)
                    .orElseThrow(() -> WindsurfWire.badRequest("invalid aggregation function: " + function));
            AnalyticsField<R> field = field(selection.path("field").asText(""));
            String alias = selection.path("name").asText("");
            selections.add(new Selection<>(field, aggregate, alias.isEmpty() ? defaultAlias(field, aggregate) : alias));
        }
        long withFunction = selections.stream().filter(s -> s.function() != Aggregate.UNSPECIFIED).count();
        if (withFunction > 0 && withFunction < selections.size()) {
            throw WindsurfWire.badRequest(
                    "all selection fields should have an aggregation function, or none of them should");
        }
        aggregated = withFunction > 0;
        for (Selection<R> selection : selections) {
            if (!selection.field().allowed().contains(selection.function())) {
                throw WindsurfWire.badRequest("invalid aggregation function for " + selection.field().type()
                        + " type field " + selection.field().name() + ": " + selection.function().wire());
            }
        }
        for (JsonNode aggregation : aggregationsJson) {
            AnalyticsField<R> field = field(aggregation.path("field").asText(""));
            if (field instanceof AnalyticsField.Distinct<R> distinct) {
                throw WindsurfWire.badRequest("tried to aggregate on a distinct field: " + distinct.name()
                        + ". Consider aggregating on the non-distinct fields instead: ["
                        + String.join(" ", distinct.instead()) + "]");
            }
            if (!(field instanceof AnalyticsField.Dimension<R> dimension)) {
                throw WindsurfWire.badRequest("invalid aggregation field: " + field.name());
            }
            String alias = aggregation.path("name").asText("");
            groupBys.add(new GroupBy<>(dimension, alias.isEmpty() ? field.name() : alias));
        }
        Set<String> aliases = new HashSet<>();
        for (String alias : allAliases()) {
            if (!aliases.add(alias)) {
                throw WindsurfWire.badRequest("duplicate field alias for selection/aggregation: " + alias);
            }
        }
        for (JsonNode filter : request.path("filters")) {
            filters.add(filter(filter));
        }
        layout = new AnalyticsGroup.Layout<>(selections);
    }

    /**
     * Writes this query's result over the given seats' rows in {@code [from, to)}: {@code {"responseItems": [{"item":
     * {...}}, ...]}}, or {@code {}} without items. Rows are added up into their group as they are read (no group
     * keeps its rows), the groups are sorted once, and the items are written as they are made: a 90-day answer for
     * tens of thousands of users is hundreds of megabytes, which should not also be held as a JSON tree.
     */
    void write(JsonGenerator out, List<WindsurfSeat> seats, Instant from, Instant to) throws IOException {
        List<AnalyticsField.Dimension<R>> keys = new ArrayList<>(groupBys.stream().map(GroupBy::field).toList());
        if (!aggregated) {
            selections.stream().map(Selection::field).filter(AnalyticsField.Dimension.class::isInstance)
                    .map(field -> (AnalyticsField.Dimension<R>) field).forEach(keys::add);
        }
        Map<List<String>, AnalyticsGroup<R>> groups = new HashMap<>();
        if (keys.isEmpty()) {
            groups.put(List.of(), new AnalyticsGroup<>(layout));
        }
        String[] key = new String[keys.size()];
        table.rows(seats, from, to, row -> {
            for (Filter<R> filter : filters) {
                if (!filter.test(row)) {
                    return;
                }
            }
            for (int i = 0; i < key.length; i++) {
                key[i] = keys.get(i).value().apply(row);
            }
            groups.computeIfAbsent(List.of(key), k -> new AnalyticsGroup<>(layout)).add(row);
        });
        List<Map.Entry<List<String>, AnalyticsGroup<R>>> sorted = new ArrayList<>(groups.entrySet());
        groups.clear();
        sorted.sort(Map.Entry.comparingByKey(GROUP_ORDER));
        out.writeStartObject();
        if (!sorted.isEmpty()) {
            out.writeArrayFieldStart("responseItems");
            for (Map.Entry<List<String>, AnalyticsGroup<R>> group : sorted) {
                out.writeStartObject();
                out.writeObjectFieldStart("item");
                for (int s = 0; s < selections.size(); s++) {
                    out.writeStringField(selections.get(s).alias(), group.getValue().value(s, keys, group.getKey()));
                }
                for (int i = 0; i < groupBys.size(); i++) {
                    out.writeStringField(groupBys.get(i).alias(), group.getKey().get(i));
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private Filter<R> filter(JsonNode json) {
        AnalyticsField<R> field = field(json.path("name").asText(""));
        String operatorName = json.path("filter").asText("");
        Operator operator = Arrays.stream(Operator.values())
                .filter(op -> ("QUERY_FILTER_" + op.name()).equals(operatorName)).findFirst()
                .orElseThrow(() -> WindsurfWire.badRequest("invalid filter: " + operatorName));
        String value = json.path("value").asText("");
        String normalised = switch (field) {
            case AnalyticsField.Dimension<R> d -> value;
            case AnalyticsField.Measure<R> m -> number(field, value);
            case AnalyticsField.Flag<R> f -> flag(field, value);
            default -> throw WindsurfWire.badRequest("invalid filter field: " + field.name());
        };
        return new Filter<>(field, operator, normalised,
                field instanceof AnalyticsField.Measure ? new BigDecimal(normalised) : null);
    }

    private static String number(AnalyticsField<?> field, String value) {
        try {
            return new BigDecimal(value).toPlainString();
        } catch (NumberFormatException e) {
            throw invalidFilterValue(field, value);
        }
    }

    private static String flag(AnalyticsField<?> field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> "true";
            case "false", "0" -> "false";
            default -> throw invalidFilterValue(field, value);
        };
    }

    private static RuntimeException invalidFilterValue(AnalyticsField<?> field, String value) {
        return WindsurfWire.badRequest(
                "invalid filter value for " + field.type() + " type field " + field.name() + ": " + value);
    }

    private AnalyticsField<R> field(String name) {
        return table.field(name).orElseThrow(
                () -> WindsurfWire.badRequest("unknown field " + name + " for data source " + table.dataSource()));
    }

    private List<String> allAliases() {
        List<String> aliases = new ArrayList<>(selections.stream().map(Selection::alias).toList());
        groupBys.forEach(groupBy -> aliases.add(groupBy.alias()));
        return aliases;
    }

    /** {@code {aggregation_function}_{field}} lower-cased, e.g. {@code sum_num_acceptances}; without one, the field. */
    private static String defaultAlias(AnalyticsField<?> field, Aggregate aggregate) {
        String name = aggregate == Aggregate.UNSPECIFIED ? field.name()
                : aggregate.name() + "_" + field.name();
        return name.toLowerCase(Locale.ROOT);
    }
}
