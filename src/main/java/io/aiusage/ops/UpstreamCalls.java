package io.aiusage.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * What operators see of each logical vendor call, the one the vendor call policy runs with its retries: a span around
 * the HTTP attempts (vendor, endpoint, outcome, retry count) and the {@code aiusage.vendor.*} meters, plus what the
 * policy held back (budget and Retry-After waits, refusals). SmallRye Fault Tolerance measures its retry and breaker
 * guards by guard ({@code ft.*{method="windsurf retry"}}) and the REST client each HTTP attempt; neither knows the
 * vendor endpoint a retried call was for, the budget, or the hold-back, which is what this adds. Labels are the
 * vendor, the endpoint name (a constant of the client, never an id) and a reason or outcome code.
 */
@Singleton
public class UpstreamCalls {

    static final String CALLS = "aiusage.vendor.calls";
    static final String RETRIES = "aiusage.vendor.retries";
    static final String WAITS = "aiusage.vendor.waits";
    static final String REJECTIONS = "aiusage.vendor.rejections";

    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("aiusage.endpoint");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("aiusage.outcome");
    static final AttributeKey<Long> RETRY_COUNT = AttributeKey.longKey("aiusage.retries");

    /** The outcome of a call that returned data. */
    static final String SUCCESS = "SUCCESS";

    /** Why the policy held a call back: its label value is the lower-case name. */
    public enum Hold {
        /** The request budget had no permit. */
        BUDGET,
        /** The vendor asked for a pause (Retry-After). */
        RETRY_AFTER,
        /** The circuit breaker was open (refusals only). */
        BREAKER_OPEN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Tracer tracer;

    public UpstreamCalls(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    /**
     * Registers every wait and refusal series at zero, so an alert on their increase sees the first one (a series
     * born at 1 shows no increase) and the metrics are listed before anything happened.
     */
    void register(@Observes StartupEvent start) {
        for (Vendor vendor : Vendor.values()) {
            for (Hold hold : Hold.values()) {
                rejections(vendor, hold);
                if (hold != Hold.BREAKER_OPEN) {
                    waits(vendor, hold);
                }
            }
        }
    }

    /**
     * Runs {@code body}, one logical call to {@code endpoint} (its attempts reported to the {@link Call} it gets),
     * inside the call's span, and records how it ended.
     * <p>
     * The span is made current on a Vert.x context of the call's own, nested in the request's: Quarkus keeps the
     * current OpenTelemetry context in the request's duplicated Vert.x context, which the vendors asked at once for one
     * request share (domain.Concurrently), so a span made current there would become the parent of the other vendor's
     * HTTP attempts too. {@link VertxContext#newNestedContext} copies the request's context data (request scope, trace)
     * into a new duplicated context; dispatching on it, for this thread and this call only, needs Vert.x's
     * {@link ContextInternal}: there is no public API to run synchronously on a context.
     */
    public <T> T observe(Vendor vendor, String endpoint, Function<Call, T> body) {
        Call call = new Call(vendor, label(endpoint));
        Context request = Vertx.currentContext();
        ContextInternal own = request == null ? null : (ContextInternal) VertxContext.newNestedContext(request);
        ContextInternal previous = own == null ? null : own.beginDispatch();
        try (Scope current = call.span.makeCurrent()) {
            T result = body.apply(call);
            call.end(null);
            return result;
        } catch (RuntimeException | Error e) {
            call.end(e);
            throw e;
        } finally {
            if (own != null) {
                own.endDispatch(previous);
            }
        }
    }

    /** A call waited {@code wait} before it could go (a permit, or the end of a vendor's pause). */
    public void waited(Vendor vendor, Hold reason, Duration wait) {
        if (!wait.isZero() && !wait.isNegative()) {
            waits(vendor, reason).record(wait);
        }
    }

    /** The policy refused a call without asking the vendor. */
    public void rejected(Vendor vendor, Hold reason) {
        rejections(vendor, reason).increment();
    }

    private Timer waits(Vendor vendor, Hold reason) {
        return Timer.builder(WAITS).description("Time vendor calls waited before they could go, by reason")
                .tags("vendor", vendor(vendor), "reason", reason.label()).register(registry);
    }

    private Counter rejections(Vendor vendor, Hold reason) {
        return Counter.builder(REJECTIONS).description("Vendor calls the gateway refused without asking the vendor")
                .tags("vendor", vendor(vendor), "reason", reason.label()).register(registry);
    }

    static String vendor(Vendor vendor) {
        return vendor.name().toLowerCase(Locale.ROOT);
    }

    /** The endpoint as a label: the client's name for it, runs of other characters as one dash. */
    static String label(String endpoint) {
        String label = endpoint.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return label.isEmpty() ? "unknown" : label;
    }

    /** One logical call: the policy reports each attempt with {@link #attempt} and each failed one. */
    public final class Call {
        private final Vendor vendor;
        private final String endpoint;
        private final long started = System.nanoTime();
        private final Span span;
        private int attempts;
        private String lastFailure = "ERROR";

        /** Starts the span, a child of the current one (the GraphQL operation's, when there is one). */
        private Call(Vendor vendor, String endpoint) {
            this.vendor = vendor;
            this.endpoint = endpoint;
            this.span = tracer.spanBuilder(vendor(vendor) + " " + endpoint).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(UpstreamSpanAttributes.VENDOR, vendor(vendor)).setAttribute(ENDPOINT, endpoint)
                    .startSpan();
        }

        /** An attempt starts; every one after the first is a retry of the previous failure. */
        public void attempt() {
            if (++attempts > 1) {
                Counter.builder(RETRIES).description("Vendor calls retried, by the failure retried")
                        .tags("vendor", vendor(vendor), "endpoint", endpoint, "reason", lastFailure)
                        .register(registry).increment();
            }
        }

        /** An attempt failed with {@code failure}; a retry that follows counts under its code. */
        public void attemptFailed(VendorException failure) {
            lastFailure = failure.code();
        }

        /** The call is over: {@code failure} null when it returned data. */
        private void end(Throwable failure) {
            String outcome = failure == null ? SUCCESS : outcome(failure);
            span.setAttribute(OUTCOME, outcome);
            span.setAttribute(RETRY_COUNT, (long) Math.max(0, attempts - 1));
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, outcome);
            }
            span.end();
            Timer.builder(CALLS).description("Vendor calls through the call policy, retries included, by outcome")
                    .tags("vendor", vendor(vendor), "endpoint", endpoint, "outcome", outcome).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }

        private static String outcome(Throwable failure) {
            if (failure instanceof VendorException vendorFailure) {
                return interrupted(failure) ? "CANCELLED" : vendorFailure.code();
            }
            return "ERROR";
        }

        /** A call its caller gave up on (a cancelled fan-out): not the vendor's failure. */
        private static boolean interrupted(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof InterruptedException) {
                    return true;
                }
            }
            return false;
        }
    }
}
