package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tabnine's JSON shapes (vendor-apis.md section 2), holding only the fields this gateway reads. Decoding is tolerant:
 * unknown fields are ignored and absent ones are null, so a newer Tabnine release does not break us.
 */
final class TabnineWire {

    private TabnineWire() {
    }

    /** {@code GET /api/v1/organization}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organization(String id, String name) {
    }

    /** The list envelope {@code {data, meta: {count, total, next}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> data, Meta meta) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(Integer count, Integer total, Next next) {
    }

    /** Where the next page starts; null on the last page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Next(Integer limit, Integer offset) {
    }

    /** A team as listed by {@code organization/teams} and {@code team/{teamId}} (which may omit usersCount). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(String id, String name, Integer usersCount) {
    }

    /** {@code User} of {@code organization/users} and {@code team/{teamId}/users}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String email, String role, Boolean verified, Boolean active, Team team,
            Instant deactivatedAt) {
    }

    /** One month of {@code organization/account-utilizations}; {@code month} is zero-based (0 = January). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MonthUtilization(int year, int month, int registered, int deactivated, int active, int pending) {
    }

    /** {@code GET /api/v1/user/{user_id}}: snake_case and camelCase mixed, {@code teams} documented as one object. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserInfo(UserInfoUser user,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<UserInfoTeam> teams) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserInfoUser(@JsonProperty("organization_id") String organizationId, @JsonProperty("user_id") String userId,
            String email, String role, Instant createdAt, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserInfoTeam(@JsonProperty("team_id") String teamId, @JsonProperty("team_name") String teamName) {
    }

    /** Usage envelope of v1 and v2: {@code {organizationId, teamId|userId, from, to, usage: {granularity, data}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(UsageSeries usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageSeries(String granularity, List<UsageBucket> data) {
    }

    /** A usage answer as last activity reads it: only each bucket's bounds and active users. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityUsage(ActivitySeries usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivitySeries(List<ActivityBucket> data) {
    }

    /** {@code from}/{@code to} kept as text: only an active bucket's day is ever parsed ({@code TabnineFacts}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityBucket(String from, String to, Long activeUsers) {
    }

    /**
     * A v1 {@code UsageBucket} or v2 {@code V2UsageBucket}: one record reads both, the mapping picks the fields. v2
     * per-user buckets also name the day's {@code ides} and {@code languages} (comma lists; null elsewhere).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageBucket(Instant from, Instant to, Long activeUsers, CodeCompletions codeCompletions, Chat chat,
            Agent agent, String ides, String languages) {

        UsageBucket(Instant from, Instant to, Long activeUsers, CodeCompletions codeCompletions, Chat chat,
                Agent agent) {
            this(from, to, activeUsers, codeCompletions, chat, agent, null, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CodeCompletions(Long completions, Long lines) {
    }

    /** v1 counts {@code interactions}, v2 {@code messages}; only v2 has {@code models}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(Long interactions, Long messages, List<ModelUsage> models) {
    }

    /** v1 counts {@code interactions}, v2 {@code messages}; only v2 has {@code models}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Agent(Long interactions, Long messages, Long linesAddedAccepted, List<ModelUsage> models) {
    }

    /** v2 {@code V2ModelUsage}; {@code model} is a UUID Tabnine leaves to the client to name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelUsage(String model, Long inputTokens, Long outputTokens, Long messages) {

        ModelUsage(String model, Long inputTokens, Long outputTokens) {
            this(model, inputTokens, outputTokens, null);
        }
    }

    /** Agent-usage envelope; its data points decode straight into the public {@link AgentUsage.Point}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentUsageResponse(AgentUsageSeries usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentUsageSeries(String granularity, List<AgentUsage.Point> data) {
    }

    /** Tabnine's error body; {@code requestId} is what Tabnine support asks for. The message is never read. */
    @RegisterForReflection // read by the exception mapper, outside any REST client signature
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(String error, Integer status, String requestId) {
    }
}
