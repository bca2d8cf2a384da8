package io.aiusage.domain;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Usage buckets of one question plus how fresh each vendor's data is. */
@Description("Usage over a window, one bucket per vendor per period, ordered by period start then vendor.")
public record UsageReport(
        @NonNull @Description("The period size the buckets use.") Granularity granularity,
        @Description("One bucket per vendor per period; two vendors' figures are never added together.")
        @NonNull List<@NonNull UsageBucket> buckets,
        @NonNull @Description("How fresh each vendor's data is.") List<@NonNull Freshness> freshness) {
}
