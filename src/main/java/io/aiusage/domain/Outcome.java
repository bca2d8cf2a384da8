package io.aiusage.domain;

import java.util.List;
import java.util.function.Function;

import io.aiusage.domain.port.VendorException;

/**
 * A result gathered from several vendors plus the vendors that failed. One vendor failing never hides the others'
 * data: the API returns {@link #value()} and reports each failure beside it.
 */
public record Outcome<T>(T value, List<VendorException> failures) {

    public Outcome {
        failures = List.copyOf(failures);
    }

    public <R> Outcome<R> map(Function<T, R> f) {
        return new Outcome<>(f.apply(value), failures);
    }
}
