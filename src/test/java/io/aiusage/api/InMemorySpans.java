package io.aiusage.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;

/**
 * Spans kept in memory for tracing tests. Quarkus exports to every {@code SpanExporter} bean
 * ({@code quarkus.otel.traces.exporter=cdi}); it looks them up programmatically, hence {@code @Unremovable}. Only
 * profiles that turn tracing on ({@link TracingProfile}) ever fill it.
 */
@Singleton
public class InMemorySpans {

    @Produces
    @Singleton
    @Unremovable
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
