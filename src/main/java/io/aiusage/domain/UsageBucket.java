package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/**
 * Usage of one vendor over one period {@code [from, to)}. One definition per metric whatever the vendor; a figure the
 * vendor does not have is null, never 0. Figures of two vendors are never added into one bucket.
 */
@Description("Usage of one vendor over one period [from, to). A figure the vendor does not report is null (not 0). "
        + "Tabnine figures come from its v1 usage API for the days before the organisation's upgrade to 6.2 and from v2 "
        + "from the upgrade day on; each day is counted once.")
public record UsageBucket(
        @NonNull @Description("The vendor these figures come from.") Vendor vendor,
        @NonNull @Description("Start of the period (inclusive, UTC).") Instant from,
        @NonNull @Description("End of the period (exclusive, UTC).") Instant to,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Distinct people with any activity in the period. Windsurf: distinct api_key in Custom Analytics "
                + "USER_DATA; Tabnine: usage activeUsers. Tabnine's two usage APIs cannot tell whether they counted "
                + "the same people, so a week, month or window spanning the organisation's upgrade to Tabnine 6.2 "
                + "gets the larger of v1's count before the upgrade day and v2's from it: a lower bound. In "
                + "Person.usage: 1 when any of the person's accounts on the vendor was active, else 0.")
        Long activeUsers,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Accepted code completions. Windsurf: USER_DATA num_acceptances (SUM); Tabnine: "
                + "codeCompletions.completions.") Long completionsAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Lines of accepted completions. Windsurf: USER_DATA num_lines_accepted (SUM); Tabnine: "
                + "codeCompletions.lines.") Long completionLinesAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Chat messages. Windsurf: CHAT_DATA num_chats_received (SUM, legacy non-agentic chat); Tabnine: "
                + "v2 chat.messages (v1 chat.interactions).") Long chatMessages,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent messages. Windsurf: CascadeAnalytics cascade_runs messagesSent (SUM); Tabnine: v2 "
                + "agent.messages (v1 agent.interactions).") Long agentMessages,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent-written lines accepted. Windsurf: cascade_lines linesAccepted (SUM); Tabnine: "
                + "agent.linesAddedAccepted.") Long agentLinesAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Model input tokens. Tabnine: v2 chat.models[] + agent.models[] inputTokens (SUM); null for "
                + "days before the organisation's upgrade to 6.2 (read from v1, which has no tokens), and a period "
                + "spanning the upgrade counts its v2 days. Windsurf: null.") Long inputTokens,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Model output tokens. Tabnine: v2 chat.models[] + agent.models[] outputTokens (SUM); null for "
                + "days before the organisation's upgrade to 6.2 (read from v1, which has no tokens), and a period "
                + "spanning the upgrade counts its v2 days. Windsurf: null.") Long outputTokens,
        @Description("Windsurf prompt credits: cascade_runs promptsUsed (SUM) / 100 (the API counts cents of a "
                + "credit). Tabnine: null.") Double credits,
        @Description("Agent cost as Tabnine bills it: agent-usage totalCost, where the licence includes agents; null "
                + "otherwise and for Windsurf.") Double cost) {

    /** A bucket with no figures yet: every metric this vendor reports starts at zero, the others stay null. */
    public static UsageBucket empty(Vendor vendor, TimeWindow period) {
        boolean ws = vendor == Vendor.WINDSURF;
        return new UsageBucket(vendor, period.from(), period.to(), 0L, 0L, 0L, 0L, 0L, 0L,
                ws ? null : 0L, ws ? null : 0L, ws ? 0.0 : null, null);
    }

    public TimeWindow period() {
        return new TimeWindow(from, to);
    }
}
