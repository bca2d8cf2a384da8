package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;

/** Size of the periods usage is rolled up into. All periods are UTC. */
@Description("Size of the periods a usage report is rolled up into; every period is in UTC.")
public enum Granularity {
    @Description("One bucket per UTC calendar day.")
    DAY,
    @Description("One bucket per ISO week (Monday 00:00 UTC to the next Monday).")
    WEEK,
    @Description("One bucket per calendar month (UTC).")
    MONTH,
    @Description("One bucket covering the whole window.")
    TOTAL
}
