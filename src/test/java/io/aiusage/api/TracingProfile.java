package io.aiusage.api;

import java.util.Map;

/**
 * {@link VendorsWireMockProfile} with tracing on, the way an operator turns it on: by configuring an exporter
 * endpoint. Nothing is sent there (tests build without the OTLP exporter); spans go to {@link InMemorySpans}, in
 * batches every few milliseconds instead of every 5 s.
 */
public class TracingProfile extends VendorsWireMockProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:4317",
                "quarkus.otel.bsp.schedule.delay", "0.02s");
    }
}
