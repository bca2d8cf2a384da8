package io.aiusage.demo.windsurf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.aiusage.config.DemoConfig;
import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.WindsurfSeat;

/**
 * A Windsurf request body: snake_case keys, the service key inside. Reads the parameters every endpoint shares and
 * rejects them with Windsurf's own messages.
 */
final class WindsurfRequest {

    private final JsonNode body;

    private WindsurfRequest(JsonNode body) {
        this.body = body;
    }

    /** The body, once its {@code service_key} is the demo key; 401 {@code Invalid service key} otherwise. */
    static WindsurfRequest authorised(JsonNode body) {
        JsonNode json = body == null ? MissingNode.getInstance() : body;
        byte[] key = json.path("service_key").asText("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(key, DemoConfig.WINDSURF_SERVICE_KEY.getBytes(StandardCharsets.UTF_8))) {
            throw WindsurfWire.unauthorized();
        }
        return new WindsurfRequest(json);
    }

    JsonNode get(String field) {
        return body.path(field);
    }

    /** A string parameter; absent or empty means not set (protobuf has no null). */
    Optional<String> text(String field) {
        return Optional.of(body.path(field).asText("")).filter(value -> !value.isEmpty());
    }

    /** An RFC 3339 timestamp parameter; 400 {@code invalid timestamp format} when it is not one. */
    Optional<Instant> timestamp(String field) {
        try {
            return text(field).map(value -> OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw WindsurfWire.badRequest("invalid timestamp format");
        }
    }

    /** The seats in {@code group_name}, or all seats; 400 {@code invalid group name: <name>} for an unknown group. */
    List<WindsurfSeat> seats(DemoOrganisation organisation) {
        Optional<String> group = text("group_name");
        if (group.isEmpty()) {
            return organisation.windsurfSeats();
        }
        if (!organisation.windsurfGroups().contains(group.get())) {
            throw WindsurfWire.badRequest("invalid group name: " + group.get());
        }
        return organisation.windsurfGroupMembers(group.get());
    }
}
