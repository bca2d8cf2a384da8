package io.aiusage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.quarkus.logging.Log;
import io.quarkus.virtual.threads.VirtualThreads;

/**
 * Runs independent blocking vendor calls at once, on Quarkus' virtual-thread executor, so a question costs its
 * slowest vendor rather than the sum of them. Bounds are semaphores owned by the caller (one per vendor), so they
 * hold for every request together; a virtual thread waiting for a permit costs next to nothing. Waiting for vendors
 * stops at the request's {@link RequestDeadline}.
 */
@ApplicationScoped
public class Concurrently {

    private final ExecutorService executor;
    private final RequestDeadline deadline;

    public Concurrently(@VirtualThreads ExecutorService executor, RequestDeadline deadline) {
        this.executor = executor;
        this.deadline = deadline;
    }

    /**
     * {@code call} on every connector at once. The values of the vendors that answered come back in connector order;
     * each vendor's failure is kept beside them, so one vendor failing never hides the others. A vendor still busy
     * when the request's deadline passes is a {@link VendorException.Timeout}: its call is not interrupted but goes on
     * in the background (bounded by the vendor's timeouts and retry budget), so its answer can still warm a cache.
     */
    public <R> Outcome<List<R>> each(List<VendorConnector> connectors, Function<VendorConnector, R> call) {
        Instant due = deadline.at();
        List<Future<R>> futures = connectors.stream().map(c -> executor.submit(() -> call.apply(c))).toList();
        List<R> values = new ArrayList<>(connectors.size());
        List<VendorException> failures = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                values.add(await(futures.get(i), due));
            } catch (VendorException e) {
                failures.add(e);
            } catch (TimeoutException late) {
                failures.add(late(connectors.get(i).vendor()));
            }
        }
        return new Outcome<>(values, failures);
    }

    private VendorException late(Vendor vendor) {
        String name = vendor.name().charAt(0) + vendor.name().substring(1).toLowerCase(Locale.ROOT);
        Log.debugf("%s did not answer before the request deadline; its call goes on in the background", name);
        Duration length = deadline.length();
        String within = length.toMillis() % 1000 == 0 ? length.toSeconds() + " s" : length.toMillis() + " ms";
        return new VendorException.Timeout(vendor, name + " did not answer within the request deadline of " + within
                + "; the answer went out without its data");
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

    /** As {@link #await(Future)}, giving up at {@code due}. */
    private static <R> R await(Future<R> future, Instant due) throws TimeoutException {
        long left = Math.max(0, Duration.between(Instant.now(), due).toNanos());
        return unwrap(() -> future.get(left, TimeUnit.NANOSECONDS));
    }

    /** The task's value, or its own unchecked exception (a VendorException, typically) rethrown as is. */
    private static <R> R await(Future<R> future) {
        try {
            return unwrap(future::get);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed wait timed out", e);
        }
    }

    @FunctionalInterface
    private interface Wait<R> {
        R get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <R> R unwrap(Wait<R> wait) throws TimeoutException {
        try {
            return wait.get();
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
