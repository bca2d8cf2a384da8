package io.aiusage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.quarkus.virtual.threads.VirtualThreads;

/**
 * Runs independent blocking vendor calls at once, on Quarkus' virtual-thread executor, so a question costs its
 * slowest vendor rather than the sum of them. Bounds are semaphores owned by the caller (one per vendor), so they
 * hold for every request together; a virtual thread waiting for a permit costs next to nothing.
 */
@ApplicationScoped
public class Concurrently {

    private final ExecutorService executor;

    public Concurrently(@VirtualThreads ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * {@code call} on every connector at once. The values of the vendors that answered come back in connector order;
     * each vendor's failure is kept beside them, so one vendor failing never hides the others.
     */
    public <R> Outcome<List<R>> each(List<VendorConnector> connectors, Function<VendorConnector, R> call) {
        List<Future<R>> futures = connectors.stream().map(c -> executor.submit(() -> call.apply(c))).toList();
        List<R> values = new ArrayList<>(connectors.size());
        List<VendorException> failures = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                values.add(await(future));
            } catch (VendorException e) {
                failures.add(e);
            }
        }
        return new Outcome<>(values, failures);
    }

    /**
     * {@code call} on every connector at once, as {@link #each}, keeping each answering vendor's freshness and
     * warnings beside the values.
     */
    public <R> Outcome<List<R>> gather(List<VendorConnector> connectors, Function<VendorConnector, Fetched<R>> call) {
        Outcome<List<Fetched<R>>> answers = each(connectors, call);
        List<VendorWarning> warnings = List.of();
        for (Fetched<R> answer : answers.value()) {
            warnings = Fetched.merge(warnings, answer.warnings());
        }
        return new Outcome<>(answers.value().stream().map(Fetched::value).toList(), answers.failures(), warnings,
                answers.value().stream().map(Fetched::freshness).toList());
    }

    /**
     * {@code fetch} applied to every item, results in item order, with at most {@code bound}'s permits in flight.
     * The first failure cancels what has not finished and is rethrown.
     */
    public <T, R> List<R> map(List<T> items, Semaphore bound, Function<T, R> fetch) {
        List<Future<R>> futures = items.stream().map(item -> executor.submit(() -> {
            bound.acquire();
            try {
                return fetch.apply(item);
            } finally {
                bound.release();
            }
        })).toList();
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(await(future));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return results;
    }

    /** The task's value, or its own unchecked exception (a VendorException, typically) rethrown as is. */
    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a vendor", e);
        }
    }
}
