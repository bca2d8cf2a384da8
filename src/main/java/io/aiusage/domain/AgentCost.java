package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/** One person's agent tokens and cost over one period: personal data. */
@Description("One person's agent tokens and cost over one period [from, to) (Tabnine user agent-usage: totalCost, "
        + "totalInputTokens, totalOutputTokens). Personal data: needs the people-reader role.")
public record AgentCost(
        @NonNull @Description("The vendor billing the agent.") Vendor vendor,
        @NonNull @Description("The person's e-mail, trimmed and lower-cased (Person.id).") String email,
        @NonNull @Description("Start of the period (inclusive, UTC).") Instant from,
        @NonNull @Description("End of the period (exclusive, UTC).") Instant to,
        @Description("Agent cost as the vendor bills it (agent-usage totalCost); null when the licence has no agents.")
        Double cost,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent input tokens (totalInputTokens); null when the licence has no agents.") Long inputTokens,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent output tokens (totalOutputTokens); null when the licence has no agents.")
        Long outputTokens) {
}
