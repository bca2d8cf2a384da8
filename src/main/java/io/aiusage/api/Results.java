package io.aiusage.api;

import java.util.List;
import java.util.stream.Collectors;

import io.aiusage.domain.Outcome;
import io.aiusage.vendor.VendorException;

/** Turns a multi-vendor outcome into data, or data plus a client error when a vendor failed. */
final class Results {

    private Results() {
    }

    /**
     * {@code partial} when every vendor answered. Otherwise an error carrying {@code partial} (the other vendors' data
     * as the client should see it), so GraphQL returns both. The error takes the first failure's code and vendor and
     * mentions any further failures in its message.
     */
    static <T> T orPartial(Outcome<?> outcome, T partial) throws ApiError {
        List<VendorException> failures = outcome.failures();
        if (failures.isEmpty()) {
            return partial;
        }
        VendorException first = failures.get(0);
        String message = first.getMessage() + failures.stream().skip(1)
                .map(f -> " Also " + f.vendor() + " (" + f.code() + "): " + f.getMessage())
                .collect(Collectors.joining());
        throw ApiError.from(first, message, partial);
    }

    static <T> T orPartial(Outcome<T> outcome) throws ApiError {
        return orPartial(outcome, outcome.value());
    }

    /** For fields resolved per parent: {@code partial}, with any failure reported once instead of thrown. */
    static <T> T orReported(Outcome<?> outcome, T partial, Execution execution) {
        try {
            return orPartial(outcome, partial);
        } catch (ApiError e) {
            execution.report(e);
            return partial;
        }
    }
}
