package io.aiusage.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The calls each emulated endpoint received since start or the last reset, for benchmarks and tests that count what
 * the gateway asks of its vendors. {@link EmulatorGate} counts every request to a vendor route before the vendor sees
 * it, so calls answered with an injected 429 or 503 count too (and are also counted apart). Routes are named without
 * ids or e-mails: Windsurf's by endpoint name, Tabnine's by path template ({@code /api/v1/user/{userId}}); a path that
 * is no route of the vendor is not counted. One {@link LongAdder} per route, made at start: counting costs a map
 * lookup and an uncontended add.
 */
@ApplicationScoped
public class EmulatorCalls {

    /** What the gate did with a call. */
    enum Outcome {
        SERVED, RATE_LIMITED, UNAVAILABLE
    }

    /**
     * Calls per route of each vendor (routes without calls left out), and of those the ones answered with an
     * injected fault, per vendor, route and status ({@code "429"}, {@code "503"}).
     *
     * @param since when counting started: start-up or the last reset
     */
    public record Counts(String since, Map<String, Long> windsurf, Map<String, Long> tabnine,
            Map<String, Map<String, Map<String, Long>>> injected) {
    }

    private final Map<EmulatedVendor, Routes> routes = new EnumMap<>(EmulatedVendor.class);
    private volatile Instant since = Instant.now();

    public EmulatorCalls() {
        for (EmulatedVendor vendor : EmulatedVendor.values()) {
            routes.put(vendor, new Routes(vendor));
        }
    }

    /** Counts a call to {@code path} (the full request path) of {@code vendor}. */
    void count(EmulatedVendor vendor, String path, Outcome outcome) {
        Counter counter = routes.get(vendor).match(vendor.route(path));
        if (counter != null) {
            counter.calls.increment();
            if (outcome == Outcome.RATE_LIMITED) {
                counter.rateLimited.increment();
            } else if (outcome == Outcome.UNAVAILABLE) {
                counter.unavailable.increment();
            }
        }
    }

    /** The counts so far. */
    public Counts counts() {
        return counts(since, LongAdder::sum);
    }

    /**
     * Starts counting afresh and answers the counts it cleared. A call counted while this runs lands on one side of
     * the reset or the other.
     */
    public synchronized Counts reset() {
        Instant cleared = since;
        since = Instant.now();
        return counts(cleared, LongAdder::sumThenReset);
    }

    private Counts counts(Instant from, ToLongFunction<LongAdder> read) {
        Map<EmulatedVendor, Map<String, Long>> calls = new EnumMap<>(EmulatedVendor.class);
        Map<String, Map<String, Map<String, Long>>> injected = new TreeMap<>();
        routes.forEach((vendor, table) -> {
            Map<String, Long> perRoute = new TreeMap<>();
            Map<String, Map<String, Long>> faults = new TreeMap<>();
            for (Counter counter : table.counters) {
                long total = read.applyAsLong(counter.calls);
                long rateLimited = read.applyAsLong(counter.rateLimited);
                long unavailable = read.applyAsLong(counter.unavailable);
                if (total > 0) {
                    perRoute.put(counter.key, total);
                }
                Map<String, Long> statuses = new TreeMap<>();
                if (rateLimited > 0) {
                    statuses.put("429", rateLimited);
                }
                if (unavailable > 0) {
                    statuses.put("503", unavailable);
                }
                if (!statuses.isEmpty()) {
                    faults.put(counter.key, statuses);
                }
            }
            calls.put(vendor, perRoute);
            injected.put(vendor.key(), faults);
        });
        return new Counts(from.toString(), calls.get(EmulatedVendor.WINDSURF), calls.get(EmulatedVendor.TABNINE),
                injected);
    }

    private record Counter(String key, LongAdder calls, LongAdder rateLimited, LongAdder unavailable) {
        Counter(String key) {
            this(key, new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    /** A path template split at its slashes; {@code {name}} segments match any one non-empty segment. */
    private record Template(String[] segments, long literals, Counter counter) {

        boolean matches(String[] path) {
            if (path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                boolean variable = segments[i].startsWith("{");
                if (variable ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One vendor's routes: fixed paths by exact match, templates (most literal segments first) by segment. */
    private static final class Routes {
        private final List<Counter> counters = new ArrayList<>();
        private final Map<String, Counter> exact = new HashMap<>();
        private final List<Template> templates = new ArrayList<>();

        Routes(EmulatedVendor vendor) {
            for (String route : vendor.routes()) {
                Counter counter = new Counter(vendor.key(route));
                counters.add(counter);
                if (route.contains("{")) {
                    String[] segments = route.split("/", -1);
                    long literals = java.util.Arrays.stream(segments).filter(s -> !s.startsWith("{")).count();
                    templates.add(new Template(segments, literals, counter));
                } else {
                    exact.put(route, counter);
                }
            }
            // as JAX-RS prefers the more literal of two matching templates
            templates.sort(Comparator.comparingLong(Template::literals).reversed());
        }

        Counter match(String route) {
            Counter counter = exact.get(route);
            if (counter != null || templates.isEmpty()) {
                return counter;
            }
            String[] path = route.split("/", -1);
            for (Template template : templates) {
                if (template.matches(path)) {
                    return template.counter();
                }
            }
            return null;
        }
    }
}
