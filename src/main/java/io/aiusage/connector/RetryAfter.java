package io.aiusage.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110: delay in seconds or an HTTP date), so every connector honours a
 * vendor's back-off the same way.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, never negative; null when the header is absent or unreadable (the caller then
     * falls back to its own back-off).
     */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
