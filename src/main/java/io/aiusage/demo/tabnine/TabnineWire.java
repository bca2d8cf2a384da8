package io.aiusage.demo.tabnine;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tabnine's wire shapes, as the Tabnine Platform API 6.2 spec names them: camelCase JSON with numbers as numbers,
 * nullable fields sent as {@code null}, the {@code {data, meta}} page envelope, and errors as
 * {@code {"error": "<CODE>", "message", "status", "requestId"}}. Timestamps are ISO-8601 strings.
 */
public final class TabnineWire {

    private TabnineWire() {
    }

    /** A Tabnine error response with a fresh request id. */
    public static Response errorResponse(Response.Status status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", code).put("message", message)
                .put("status", status.getStatusCode()).put("requestId", UUID.randomUUID().toString());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(errorResponse(Response.Status.BAD_REQUEST, "BAD_REQUEST", message));
    }

    static WebApplicationException notFound(String message) {
        return new WebApplicationException(errorResponse(Response.Status.NOT_FOUND, "NOT_FOUND", message));
    }

    /** The agent-usage 403, in the spec's {@code FeatureNotAvailableError} shape (error and message only). */
    static WebApplicationException featureNotAvailable() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", "FEATURE_NOT_AVAILABLE")
                .put("message", "The Agent feature is not included in your account's license.");
        return new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }

    public record Organization(String id, String name, String publicKey, boolean samlEnabled, boolean smtpConfigured,
            boolean usernamePasswordEnabled, List<String> domains, String planType) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Team(String id, String name, String organizationId, String syncedGroupId, int usersCount,
            @JsonProperty("isDefaultTeam") boolean isDefaultTeam) {
    }

    /** {@code GET /api/v1/team/{teamId}}: the older spec's {@code {id, name}}. */
    public record TeamName(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(String id, String username, String email, String role, boolean verified, boolean active,
            Team team, List<Team> allowedTeams, String deactivatedAt, String updatedAt) {
    }

    public record Page<T>(List<T> data, Meta meta) {
    }

    /** {@code next} is null on the last page. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(int count, int total, Next next) {
    }

    public record Next(int limit, int offset) {
    }

    public record TeamUtilization(int registered, int deactivated, int invited) {
    }

    /** {@code month} is zero-based (0 = January). */
    public record MonthUtilization(int year, int month, int registered, int deactivated, int active, int pending) {
    }

    /** {@code GET /api/v1/user/{user_id}}: snake_case and camelCase mixed, {@code teams} a single object. */
    public record UserInfo(UserInfoUser user, UserInfoTeam teams) {
    }

    public record UserInfoUser(@JsonProperty("organization_id") String organizationId,
            @JsonProperty("user_id") String userId, String email, String role, String createdAt, String updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserInfoTeam(@JsonProperty("team_id") String teamId, @JsonProperty("team_name") String teamName) {
    }

    /** Usage and agent-usage responses; exactly one of {@code teamId}/{@code userId} for those scopes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usage<B>(String organizationId, String teamId, String userId, String from, String to,
            UsageEnvelope<B> usage) {
    }

    public record UsageEnvelope<B>(String granularity, List<B> data) {
    }

    /** Usage v1 bucket (frozen at 6.2). */
    public record V1Bucket(String from, String to, int activeUsers, double productivityFactor, Instruct instruct,
            V1Completions codeCompletions, V1Chat chat, V1Agent agent) {
    }

    public record Instruct(long acceptedCount) {
    }

    public record V1Completions(int activeUsers, long completions, long charsCompleted, long keystrokes, long lines,
            double automationFactor) {
    }

    public record V1Chat(int activeUsers, long interactions, long usefulChatInteractions, long lines,
            long charsCompleted, double chatConsumptionRate) {
    }

    public record V1Agent(int activeUsers, long interactions, long linesAdded, long linesAddedAccepted,
            long linesRemoved, long linesRemovedAccepted) {
    }

    /** Usage v2 bucket; {@code ides}/{@code languages} only on per-user queries, null otherwise. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record V2Bucket(String from, String to, int activeUsers, V2Completions codeCompletions, V2Chat chat,
            V2Agent agent, String ides, String languages) {
    }

    public record V2Completions(int activeUsers, long completions, long charsCompleted, long keystrokes, long lines) {
    }

    public record V2Chat(int activeUsers, long messages, long linesAdded, List<ModelUsage> models) {
    }

    public record V2Agent(int activeUsers, long messages, long linesAdded, long linesAddedAccepted, long linesRemoved,
            long linesRemovedAccepted, List<ModelUsage> models) {
    }

    /** {@code model} is the model's UUID. */
    public record ModelUsage(String model, long messages, int uniqueUsers, long inputTokens, long outputTokens) {
    }

    /** Agent-usage data point; {@code totalCost} in US dollars. */
    public record AgentPoint(String from, String to, int activeUsers, long totalTokensConsumed, long totalInputTokens,
            long totalOutputTokens, double totalCost, List<ModelCost> modelBreakdown) {
    }

    /** {@code model} is the model's name, e.g. {@code claude-sonnet-4-20250514}. */
    public record ModelCost(String model, long tokensConsumed, long inputTokens, long outputTokens, double cost) {
    }
}
