package io.aiusage.domain;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A usage breakdown plus how fresh each vendor's data is. */
@Description("Usage over a window split by one dimension: one row per vendor per key per period, ordered by period "
        + "start, vendor, then key. A key appears in a period only when the vendor reported it there.")
public record BreakdownReport(
        @NonNull @Description("The dimension the rows split by.") UsageDimension dimension,
        @NonNull @Description("The period size the rows use.") Granularity granularity,
        @NonNull @Description("One row per vendor per key per period.") List<@NonNull BreakdownRow> rows,
        @NonNull @Description("How fresh each vendor's data is.") List<@NonNull Freshness> freshness) {
}
