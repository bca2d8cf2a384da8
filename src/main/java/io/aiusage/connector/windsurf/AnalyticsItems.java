package io.aiusage.connector.windsurf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;

/**
 * Custom Analytics answers read as plain items ({@code {"alias": "value"}}): for the queries whose aliases vary
 * (group-by language, IDE or model, PCW figures), where {@link CustomAnalytics.Row} has fixed members. Every value
 * arrives as a string and zeros are left out, so an absent figure reads 0.
 */
final class AnalyticsItems {

    private AnalyticsItems() {
    }

    /** One result per query request, in request order. */
    record Response(@JsonProperty(required = true) List<Result> queryResults) {
    }

    record Result(List<Item> responseItems) {

        List<Map<String, String>> items() {
            return responseItems.stream().map(Item::item).toList();
        }
    }

    record Item(@JsonProperty(required = true) Map<String, String> item) {
    }

    /** A count under {@code alias}; absent (a protobuf zero) is 0. */
    static long count(Map<String, String> item, String alias) {
        String value = item.get(alias);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return new java.math.BigDecimal(value.strip()).longValue();
        } catch (NumberFormatException e) {
            throw unreadable();
        }
    }

    /** The {@code date} every daily query groups by; an item without one is unusable. */
    static LocalDate date(Map<String, String> item) {
        String value = item.get(CustomAnalytics.DATE);
        if (value == null) {
            throw unreadable();
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw unreadable();
        }
    }

    private static VendorException unreadable() {
        return new VendorException.BadResponse(Vendor.WINDSURF, WindsurfErrors.UNREADABLE, null);
    }
}
