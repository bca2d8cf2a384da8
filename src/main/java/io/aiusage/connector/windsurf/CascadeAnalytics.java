package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Wire format of {@code POST /api/v1/CascadeAnalytics}: Cascade (agent) lines, runs and tool usage per day. */
final class CascadeAnalytics {

    private CascadeAnalytics() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String serviceKey, String groupName, Instant startTimestamp, Instant endTimestamp,
            List<Query> queryRequests) {
        /** Never the service key: a record prints every component. */
        @Override
        public String toString() {
            return "Request[serviceKey=<redacted>, groupName=" + groupName + ", startTimestamp=" + startTimestamp
                    + ", endTimestamp=" + endTimestamp + ", queryRequests=" + queryRequests + "]";
        }
    }

    /** An element of {@code query_requests}: an object with one empty member, e.g. {@code {"cascade_runs":{}}}. */
    enum Query {
        CASCADE_LINES,
        CASCADE_RUNS,
        CASCADE_TOOL_USAGE;

        @JsonValue
        Map<String, Map<String, String>> json() {
            return Map.of(name().toLowerCase(Locale.ROOT), Map.of());
        }
    }

    /**
     * One result per query. Results are collected by their member name rather than by position, since the docs only
     * imply that the order follows the request.
     */
    record Response(@JsonProperty(required = true) List<Result> queryResults) {

        List<Line> lines() {
            return collect(Result::cascadeLines, Lines::cascadeLines);
        }

        List<Run> runs() {
            return collect(Result::cascadeRuns, Runs::cascadeRuns);
        }

        List<WindsurfToolUsage> toolUsage() {
            return collect(Result::cascadeToolUsage, ToolUsage::cascadeToolUsage);
        }

        private <W, T> List<T> collect(Function<Result, W> member, Function<W, List<T>> items) {
            return queryResults.stream().map(member).filter(Objects::nonNull).flatMap(w -> items.apply(w).stream())
                    .toList();
        }
    }

    record Result(Lines cascadeLines, Runs cascadeRuns, ToolUsage cascadeToolUsage) {
    }

    record Lines(List<Line> cascadeLines) {
    }

    /** Agent-written lines of one day; counts arrive as strings and are omitted when zero. */
    record Line(@JsonProperty(required = true) Instant day, long linesSuggested, long linesAccepted) {
    }

    record Runs(List<Run> cascadeRuns) {
    }

    /**
     * Part of one conversation on one day; Windsurf may split a conversation over several entries, so figures are
     * summed. {@code promptsUsed} counts cents of a credit.
     */
    record Run(@JsonProperty(required = true) Instant day, String model, Mode mode, long messagesSent,
            String cascadeId, long promptsUsed) {
    }

    /** Cascade mode (Write, Read, Legacy); the API itself may send UNKNOWN, and so does anything newer. */
    enum Mode {
        CONVERSATIONAL_PLANNER_MODE_DEFAULT,
        CONVERSATIONAL_PLANNER_MODE_READ_ONLY,
        CONVERSATIONAL_PLANNER_MODE_NO_TOOL,
        @JsonEnumDefaultValue
        UNKNOWN
    }

    record ToolUsage(List<WindsurfToolUsage> cascadeToolUsage) {
    }
}
