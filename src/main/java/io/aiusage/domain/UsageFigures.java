package io.aiusage.domain;

/**
 * The additive usage metrics of one row or one period, in the units of {@link UsageBucket}. Null means "this source
 * does not report the figure", never 0. Summing keeps that distinction: see {@link #plus}.
 */
public record UsageFigures(Long completionsAccepted, Long completionLinesAccepted, Long chatMessages,
        Long agentMessages, Long agentLinesAccepted, Long inputTokens, Long outputTokens, Double credits,
        Double cost) {

    /** Nothing reported. */
    public static final UsageFigures NONE = new UsageFigures(null, null, null, null, null, null, null, null, null);

    /**
     * {@code this} plus {@code row}, where {@code this} decides which figures exist: a figure null here stays null,
     * a figure the row leaves out adds nothing. Starting from a source's zero figures, every period of that source
     * reports exactly the figures the source has.
     */
    public UsageFigures plus(UsageFigures row) {
        return new UsageFigures(add(completionsAccepted, row.completionsAccepted),
                add(completionLinesAccepted, row.completionLinesAccepted), add(chatMessages, row.chatMessages),
                add(agentMessages, row.agentMessages), add(agentLinesAccepted, row.agentLinesAccepted),
                add(inputTokens, row.inputTokens), add(outputTokens, row.outputTokens), add(credits, row.credits),
                add(cost, row.cost));
    }

    /** Every non-null figure replaced by 0: what a period without any row of this kind adds up to. */
    public UsageFigures zero() {
        return new UsageFigures(zero(completionsAccepted), zero(completionLinesAccepted), zero(chatMessages),
                zero(agentMessages), zero(agentLinesAccepted), zero(inputTokens), zero(outputTokens),
                credits == null ? null : 0.0, cost == null ? null : 0.0);
    }

    /** 0 for every figure reported by either (non-null in either), null for the others. */
    public UsageFigures union(UsageFigures other) {
        return new UsageFigures(either(completionsAccepted, other.completionsAccepted),
                either(completionLinesAccepted, other.completionLinesAccepted),
                either(chatMessages, other.chatMessages), either(agentMessages, other.agentMessages),
                either(agentLinesAccepted, other.agentLinesAccepted), either(inputTokens, other.inputTokens),
                either(outputTokens, other.outputTokens), credits == null && other.credits == null ? null : 0.0,
                cost == null && other.cost == null ? null : 0.0);
    }

    private static Long either(Long a, Long b) {
        return a == null && b == null ? null : 0L;
    }

    private static Long add(Long total, Long value) {
        return total == null ? null : value == null ? total : total + value;
    }

    private static Double add(Double total, Double value) {
        return total == null ? null : value == null ? total : total + value;
    }

    private static Long zero(Long value) {
        return value == null ? null : 0L;
    }
}
