package io.aiusage.ops;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Names the vendor on the span of every vendor HTTP attempt ({@code aiusage.vendor=windsurf|tabnine}), and the
 * endpoint of the logical call it belongs to ({@code aiusage.endpoint}, from its parent span, see
 * {@link UpstreamCalls}), so traces can be searched by vendor and endpoint without knowing hosts or paths. Quarkus
 * traces each REST client call already: a CLIENT span named
 * after the endpoint's path template ({@code GET /api/v1/organization/users}), with
 * {@code http.response.status_code}. The vendor is the REST client whose configured base URL
 * ({@code quarkus.rest-client.<vendor>.url}; in demo mode the emulator's) the call's URL starts with, so a third
 * vendor needs nothing here. A span processor rather than a REST client filter: Quarkus starts the span in a filter of
 * the underlying JAX-RS client, after every filter a REST client registers, so no filter of ours sees the span.
 * Quarkus adds every {@code SpanProcessor} bean to the tracer; it does nothing while tracing is off.
 */
@Singleton
public class UpstreamSpanAttributes implements SpanProcessor {

    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("aiusage.vendor");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final Pattern CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.\"?([^.\"]+)\"?\\.url");

    /** Base URL and vendor, longest URL first, so the most specific base wins. */
    private final List<Map.Entry<String, String>> vendors;

    public UpstreamSpanAttributes(Config config) {
        this.vendors = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .map(CLIENT_URL::matcher).filter(Matcher::matches)
                .flatMap(m -> config.getOptionalValue(m.group(0), String.class)
                        .map(url -> Map.entry(url, m.group(1).toLowerCase(Locale.ROOT))).stream())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getKind() == SpanKind.CLIENT) {
            vendorOf(span.getAttribute(URL_FULL)).ifPresent(vendor -> span.setAttribute(VENDOR, vendor));
            if (Span.fromContext(parentContext) instanceof ReadableSpan call
                    && call.getAttribute(UpstreamCalls.ENDPOINT) != null) {
                span.setAttribute(UpstreamCalls.ENDPOINT, call.getAttribute(UpstreamCalls.ENDPOINT));
            }
        }
    }

    /** The vendor whose base URL {@code url} is under, if any. */
    Optional<String> vendorOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return vendors.stream().filter(e -> under(url, e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    private static boolean under(String url, String base) {
        String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return url.startsWith(prefix)
                && (url.length() == prefix.length() || "/?#".indexOf(url.charAt(prefix.length())) >= 0);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing to do once the call is over
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
