package io.aiusage.connector.windsurf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Wire format of the billing calls {@code GetTeamCreditBalance}, {@code GetUsageConfig} and {@code UsageConfig}. */
final class Billing {

    private Billing() {
    }

    /** GetTeamCreditBalance takes the key alone; its answer is {@link WindsurfCreditBalance}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BalanceRequest(String serviceKey) {
        @Override
        public String toString() {
            return "BalanceRequest[serviceKey=<redacted>]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CapRequest(String serviceKey, @JsonUnwrapped CreditCapScope scope) {
        @Override
        public String toString() {
            return "CapRequest[serviceKey=<redacted>, scope=" + scope + "]";
        }
    }

    /**
     * UsageConfig: exactly one of {@code set_add_on_credit_cap} and {@code clear_add_on_credit_cap} (null members are
     * left out of the body), plus one scope. Windsurf answers 200 with an empty body.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SetCapRequest(String serviceKey, @JsonUnwrapped CreditCapScope scope, Long setAddOnCreditCap,
            Boolean clearAddOnCreditCap) {
        @Override
        public String toString() {
            return "SetCapRequest[serviceKey=<redacted>, scope=" + scope + ", setAddOnCreditCap=" + setAddOnCreditCap
                    + ", clearAddOnCreditCap=" + clearAddOnCreditCap + "]";
        }
    }

    /** {@code {}} means no cap at that scope, so an absent cap stays null here rather than becoming 0. */
    record CapResponse(@JsonProperty("add_on_credit_cap") Integer addOnCreditCap) {
    }
}
