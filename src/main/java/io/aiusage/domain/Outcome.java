package io.aiusage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.aiusage.vendor.VendorException;

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

    /** Collects values of several vendors, catching each vendor's failure separately. */
    public static final class Collector<E> {
        private final List<E> values = new ArrayList<>();
        private final List<VendorException> failures = new ArrayList<>();

        public void add(java.util.function.Supplier<List<E>> call) {
            try {
                values.addAll(call.get());
            } catch (VendorException e) {
                failures.add(e);
            }
        }

        public Outcome<List<E>> outcome() {
            return new Outcome<>(List.copyOf(values), failures);
        }
    }
}
