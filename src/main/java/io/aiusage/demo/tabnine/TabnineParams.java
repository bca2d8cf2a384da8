package io.aiusage.demo.tabnine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.aiusage.demo.tabnine.TabnineUsage.Granularity;

/**
 * The emulated Tabnine endpoints' query parameters, read from text: a missing or malformed value is Tabnine's 400
 * envelope naming the parameter, not a bare JAX-RS error.
 */
final class TabnineParams {

    private TabnineParams() {
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw TabnineWire.badRequest("Missing required parameter '" + name + "'");
        }
        return value;
    }

    static int integer(String name, String value, int minimum) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TabnineWire.badRequest("Invalid '" + name + "': expected an integer of at least " + minimum);
    }

    static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw TabnineWire.badRequest("Invalid '" + name + "': expected true or false");
        };
    }

    static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(required(name, value)).toInstant();
        } catch (DateTimeParseException e) {
            throw TabnineWire.badRequest("Invalid '" + name + "': expected an ISO-8601 date-time");
        }
    }

    static Granularity granularity(String value) {
        return Granularity.parse(value).orElseThrow(() -> TabnineWire.badRequest(
                "Invalid 'granularity': expected one of all, daily, weekly, monthly (or day, week, month)"));
    }

    static YearMonth yearMonth(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw TabnineWire.badRequest("Invalid 'startDate': expected YYYY-MM");
    }
}
