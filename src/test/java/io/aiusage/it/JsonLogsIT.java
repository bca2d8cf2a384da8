package io.aiusage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Logs are JSON where {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true} (as the container images and deploy/ set it) and
 * plain text, with a {@code traceId=} field, otherwise.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsAJsonObjectWhenSwitchedOn() throws IOException, InterruptedException {
        List<String> lines = PackagedApp.linesUntil(
                Map.of("DEMO_ENABLED", "true", "AUTH_MODE", "none", "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"),
                line -> line.contains("started in"));
        for (String line : lines.stream().filter(l -> l.startsWith("{")).toList()) {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.hasNonNull("level") && record.hasNonNull("message") && record.hasNonNull("timestamp"),
                    line);
        }
        JsonNode started = JSON.readTree(lines.getLast());
        assertEquals("io.quarkus", started.path("loggerName").asText(), lines.getLast());
    }

    @Test
    void linesArePlainTextWithATraceIdFieldOtherwise() throws IOException, InterruptedException {
        List<String> lines = PackagedApp.linesUntil(Map.of("DEMO_ENABLED", "true", "AUTH_MODE", "none"),
                line -> line.contains("started in"));
        String started = lines.getLast();
        assertFalse(started.startsWith("{"), started);
        assertTrue(started.contains("INFO") && started.contains("traceId="), started);
    }
}
