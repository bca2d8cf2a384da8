package io.aiusage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the billing queries ({@code BILLING_AGENT_COST_MAX_PEOPLE}). */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    /**
     * Most e-mails one {@code agentCost} query may name: Tabnine reports agent cost per person only one person per call
     * (per missing run of days), so the list bounds the calls.
     */
    @WithDefault("50")
    int agentCostMaxPeople();
}
