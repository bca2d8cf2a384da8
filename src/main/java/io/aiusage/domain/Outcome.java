package io.aiusage.domain;

import java.util.List;
import java.util.function.Function;

import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;

/**
 * A result gathered from several vendors plus the vendors that failed, the warnings that came with data that did
 * arrive (served stale, part of it unknown) and how fresh each answering vendor's data is. One vendor failing never
 * hides the others' data: the API returns {@link #value()} and reports each failure and warning beside it.
 */
public record Outcome<T>(T value, List<VendorException> failures, List<VendorWarning> warnings,
        List<Freshness> freshness) {

    public Outcome {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        freshness = List.copyOf(freshness);
    }

    public Outcome(T value, List<VendorException> failures) {
        this(value, failures, List.of(), List.of());
    }

    public <R> Outcome<R> map(Function<T, R> f) {
        return new Outcome<>(f.apply(value), failures, warnings, freshness);
    }
}
