package io.aiusage.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;

/**
 * The query parameters of one CSV export, read with the same rules as the GraphQL arguments they mirror. A parameter
 * the export does not take, one given twice, or a malformed value is an INVALID_ARGUMENT error naming the parameter
 * and the fix (answered 400), so a typo never silently widens an export.
 */
final class ExportParameters {

    private final MultivaluedMap<String, String> query;

    private ExportParameters(MultivaluedMap<String, String> query) {
        this.query = query;
    }

    /** The parameters of {@code export}, which takes exactly {@code allowed}. */
    static ExportParameters of(String export, MultivaluedMap<String, String> query, List<String> allowed)
            throws ApiError {
        for (var parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                throw new ApiError.InvalidArgument("Unknown parameter " + name + "; " + export + " takes "
                        + String.join(", ", allowed) + ".", name);
            }
            if (parameter.getValue().size() > 1) {
                throw new ApiError.InvalidArgument(name + " is given " + parameter.getValue().size()
                        + " times; give it once.", name);
            }
        }
        return new ExportParameters(query);
    }

    /** The value of {@code name}, stripped; null when absent or blank. */
    String text(String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The required window {@code [from, to)}. Each end is an RFC 3339 date-time or a date (midnight UTC), so
     * {@code from=2026-11-01&to=2026-12-01} is November; at most 366 days, as in GraphQL.
     */
    TimeWindow window() throws ApiError {
        return Windows.between(instant("from"), instant("to"), "from", "to", "The window from-to", "to");
    }

    private Instant instant(String name) throws ApiError {
        String value = text(name);
        if (value == null) {
            throw new ApiError.InvalidArgument(name + " is required: a date such as 2026-11-01 (midnight UTC) or an "
                    + "RFC 3339 date-time such as 2026-11-01T00:00:00Z; the window is [from, to).", name);
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Windows.instant(value, name);
        } catch (DateTimeParseException | ApiError e) {
            throw new ApiError.InvalidArgument(name + " (\"" + value + "\") is neither a date such as 2026-11-01 "
                    + "(midnight UTC) nor an RFC 3339 date-time such as 2026-11-01T00:00:00Z.", name);
        }
    }

    /** {@code granularity}, DAY when absent. */
    Granularity granularity() throws ApiError {
        Granularity granularity = constant("granularity", Granularity.values());
        return granularity == null ? Granularity.DAY : granularity;
    }

    Vendor vendor() throws ApiError {
        return constant("vendor", Vendor.values());
    }

    SeatStatus status() throws ApiError {
        return constant("status", SeatStatus.values());
    }

    /** A vendor-qualified team id, checked like GraphQL's {@code team} argument. */
    String team() throws ApiError {
        String team = text("team");
        if (team != null) {
            Ids.requireTeam(team, "team");
        }
        return team;
    }

    /** {@code idleAfterDays}, 30 when absent, within the bounds of {@code seats(idleAfterDays:)}. */
    int idleAfterDays() throws ApiError {
        String value = text("idleAfterDays");
        if (value == null) {
            return SeatStatus.DEFAULT_IDLE_AFTER_DAYS;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= SeatsGraphQLApi.MAX_IDLE_AFTER_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiError.InvalidArgument("idleAfterDays must be a whole number of days between 1 and "
                + SeatsGraphQLApi.MAX_IDLE_AFTER_DAYS + " (got \"" + value + "\").", "idleAfterDays");
    }

    /** A true/false switch, false when absent. */
    boolean flag(String name) throws ApiError {
        String value = text(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ApiError.InvalidArgument(name + " must be true or false (got \"" + value + "\").", name);
    }

    /** One of {@code constants} by name, any case (the values are passed in: no reflection, native-safe). */
    private <E extends Enum<E>> E constant(String name, E[] constants) throws ApiError {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ApiError.InvalidArgument(name + " (\"" + value + "\") must be one of " + Arrays.stream(constants)
                .map(Enum::name).collect(Collectors.joining(", ")) + ".", name);
    }

    /** The file name's date range: the window widened to whole UTC days, its end exclusive as in the API. */
    static String days(TimeWindow window) {
        TimeWindow days = window.toWholeDays();
        return days.firstDay() + "_" + days.endDayExclusive();
    }

    /** A constant as it goes into a file name. */
    static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
