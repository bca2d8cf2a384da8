package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tabnine agent token use and cost ({@code /api/v1/{organization,team,user}/agent-usage}). Agents are a licence
 * option: without it Tabnine answers 403 FEATURE_NOT_AVAILABLE, which is {@code licensed = false}, not an error.
 */
public record AgentUsage(boolean licensed, List<Point> points) {

    public AgentUsage {
        points = List.copyOf(points);
    }

    static AgentUsage notLicensed() {
        return new AgentUsage(false, List.of());
    }

    /** One {@code AgentUsageDataPoint}, decoded as Tabnine sends it: {@code [from, to)}, cost in Tabnine's currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(Instant from, Instant to, Long activeUsers,
            @JsonProperty("totalTokensConsumed") Long totalTokens,
            @JsonProperty("totalInputTokens") Long inputTokens,
            @JsonProperty("totalOutputTokens") Long outputTokens,
            @JsonProperty("totalCost") Double cost,
            @JsonProperty("modelBreakdown") List<ModelCost> models) {

        public Point {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    /** One {@code modelBreakdown[]} entry; {@code model} is the provider's model name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelCost(String model, @JsonProperty("tokensConsumed") Long tokens, Long inputTokens,
            Long outputTokens, Double cost) {
    }
}
