package io.aiusage.api;

import io.aiusage.domain.Outcome;

/** Turns a multi-vendor outcome into the data clients see, with one error per failing vendor beside it. */
final class Results {

    private Results() {
    }

    /**
     * {@code partial}, the data of the vendors that answered, as the field's value. Each vendor that failed is
     * reported as its own entry of {@code errors[]} (its code, vendor and retryAfterSeconds), and so is each warning
     * that came with data (served stale, part unknown: the failure's code plus {@code extensions.warning}), once per
     * field however many parents the field is resolved for.
     */
    static <T> T partial(Outcome<?> outcome, T partial, Execution execution) {
        outcome.failures().forEach(failure -> execution.report(ApiError.from(failure, null)));
        outcome.warnings().forEach(warning -> execution.report(ApiError.from(warning)));
        return partial;
    }

    static <T> T partial(Outcome<T> outcome, Execution execution) {
        return partial(outcome, outcome.value(), execution);
    }
}
