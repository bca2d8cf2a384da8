package io.aiusage.demo.windsurf;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Windsurf's JSON conventions, as its protobuf-JSON backend produces them: int64 values as strings, zero and empty
 * values left out, timestamps in RFC 3339 (some with microseconds), and errors as {@code {"error": "<message>"}}.
 */
public final class WindsurfWire {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** For answers written as they are computed; the server closes the stream, not the generator. */
    private static final JsonFactory STREAMING = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WindsurfWire() {
    }

    /** An int64 field: a JSON string, left out when zero. */
    static void putInt64(ObjectNode node, String field, long value) {
        if (value != 0) {
            node.put(field, Long.toString(value));
        }
    }

    /** An int32 field: a JSON number, left out when zero. */
    static void putInt32(ObjectNode node, String field, long value) {
        if (value != 0) {
            node.put(field, value);
        }
    }

    /** A string field, left out when absent. */
    static void putString(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    /** RFC 3339 to the second, e.g. {@code 2024-10-10T22:56:10Z}. */
    static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** RFC 3339 with six fractional digits, e.g. {@code 2024-10-10T22:56:10.771591Z}. */
    static String micros(Instant instant) {
        return MICROS.format(instant);
    }

    /** A UTC day as Cascade reports it, e.g. {@code 2025-05-01T00:00:00Z}. */
    static String day(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** A JSON generator writing to a response body. */
    static JsonGenerator generator(OutputStream output) throws IOException {
        return STREAMING.createGenerator(output);
    }

    /** A Windsurf error response. */
    public static Response errorResponse(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.objectNode().put("error", message)).build();
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(errorResponse(Response.Status.BAD_REQUEST, message));
    }

    static WebApplicationException unauthorized() {
        return new WebApplicationException(errorResponse(Response.Status.UNAUTHORIZED, "Invalid service key"));
    }
}
