package io.aiusage.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;

/** Turns client windows into domain windows, or an INVALID_ARGUMENT error that names the argument and the fix. */
final class Windows {

    private Windows() {
    }

    /** A required window. */
    static TimeWindow require(WindowInput input, String argument) throws ApiError {
        if (input == null || input.from() == null || input.to() == null) {
            throw new ApiError.InvalidArgument(argument + ": both from and to are required (RFC 3339, e.g. "
                    + "{from: \"2026-01-01T00:00:00Z\", to: \"2026-02-01T00:00:00Z\"}).", argument);
        }
        return between(instant(input.from(), argument + ".from"), instant(input.to(), argument + ".to"),
                argument + ".from", argument + ".to", argument, argument);
    }

    /**
     * The window {@code [from, to)}, or an error naming {@code fromName} when it is empty or reversed, and
     * {@code spanArgument} when it is longer than a caller may ask for (the message calls it {@code spanName}).
     * Shared by GraphQL and the CSV export.
     */
    static TimeWindow between(Instant from, Instant to, String fromName, String toName, String spanName,
            String spanArgument) throws ApiError {
        if (!from.isBefore(to)) {
            throw new ApiError.InvalidArgument(fromName + " (" + from + ") must be before " + toName
                    + " (" + to + "); windows are half-open [from, to).", fromName);
        }
        TimeWindow window = TimeWindow.of(from, to);
        if (window.span().compareTo(TimeWindow.MAX_SPAN) > 0) {
            throw new ApiError.InvalidArgument(spanName + " spans " + window.span().toDays() + " days; at most "
                    + TimeWindow.MAX_SPAN.toDays() + " days may be asked at once. Split it into several windows.",
                    spanArgument);
        }
        return window;
    }

    /** An RFC 3339 date-time, or an error naming {@code argument}. */
    static Instant instant(String value, String argument) throws ApiError {
        try {
            return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError.InvalidArgument(argument + " (\"" + value + "\") is not an RFC 3339 date-time; use "
                    + "a date, time and offset such as 2026-01-01T00:00:00Z.", argument);
        }
    }

    /** The granularity asked for; an explicit null means the default, DAY. */
    static Granularity granularity(Granularity requested) {
        return requested == null ? Granularity.DAY : requested;
    }

    /** An optional window: null stays null (the vendor's default applies). */
    static TimeWindow optional(WindowInput input, String argument) throws ApiError {
        return input == null ? null : require(input, argument);
    }
}
