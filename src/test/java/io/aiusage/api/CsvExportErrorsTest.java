package io.aiusage.api;

import static io.aiusage.api.CsvExportTest.export;
import static io.aiusage.api.CsvExportTest.parse;
import static io.aiusage.api.GraphQLRequests.VENDOR_ERROR_TEXT;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The CSV export's errors: a bad parameter is a 400 naming it and the fix, in the API's error shape; a vendor failing
 * leaves the other vendor's rows and says so in a header; no vendor answering is a 502, not an empty file.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class CsvExportErrorsTest extends WireMockGraphQLTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            usage.csv?to=2025-03-11                                       | from          | from is required
            usage.csv?from=2025-03-06                                     | to            | to is required
            usage.csv?from=yesterday&to=2025-03-11                        | from          | is neither a date
            usage.csv?from=2025-02-30&to=2025-03-11                       | from          | is neither a date
            usage.csv?from=2025-03-11&to=2025-03-06                       | from          | must be before to
            usage.csv?from=2024-01-01&to=2025-03-11                       | to            | at most 366 days
            usage.csv?from=2025-03-06&to=2025-03-11&granularity=HOUR      | granularity   | must be one of DAY, WEEK, MONTH, TOTAL
            usage.csv?from=2025-03-06&to=2025-03-11&vendor=COPILOT        | vendor        | must be one of WINDSURF, TABNINE
            usage.csv?from=2025-03-06&to=2025-03-11&team=Backend          | team          | vendor-qualified team id
            usage.csv?from=2025-03-06&to=2025-03-11&team=TABNINE:x&vendor=WINDSURF | team | belongs to TABNINE
            usage.csv?from=2025-03-06&to=2025-03-11&granulrity=DAY        | granulrity    | Unknown parameter granulrity
            usage.csv?from=2025-03-06&from=2025-03-07&to=2025-03-11       | from          | given 2 times
            seats.csv?status=SLEEPING                                     | status        | must be one of ACTIVE, IDLE
            seats.csv?idleAfterDays=0                                     | idleAfterDays | between 1 and 3650
            seats.csv?idleAfterDays=thirty                                | idleAfterDays | between 1 and 3650
            people.csv?overlapping=yes                                    | overlapping   | must be true or false
            people.csv?from=2025-03-06                                    | from          | people.csv takes vendor, team
            """)
    void aBadParameterIsA400NamingIt(String path, String argument, String message) {
        export(path).then().statusCode(400).contentType("application/json; charset=utf-8")
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.argument", equalTo(argument))
                .body("errors[0].message", containsString(message))
                .body("data", nullValue());
    }

    @Test
    void aFailingVendorLeavesTheOtherVendorsRowsAndSaysSo() throws IOException {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1)
                .willReturn(json(503, "{\"error\": \"" + VENDOR_ERROR_TEXT + "\"}")));

        var response = export("people.csv");
        response.then().statusCode(200).header(ExportResource.ERRORS_HEADER, equalTo("TABNINE VENDOR_UNAVAILABLE"));
        List<List<String>> rows = parse(response.asString());
        assertEquals(List.of("alice@x.com", "bob@x.com", "carol@x.com", "dave@x.com"),
                rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList(), "the Windsurf people");
        assertEquals(List.of("WINDSURF"), rows.subList(1, rows.size()).stream().map(r -> r.get(2)).distinct().toList());
    }

    @Test
    void noVendorAnsweringIsA502NotAnEmptyFile() {
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1)
                .willReturn(json(503, "{\"error\": \"" + VENDOR_ERROR_TEXT + "\"}")));
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1)
                .willReturn(json(503, "{\"error\": \"" + VENDOR_ERROR_TEXT + "\"}")));

        export("seats.csv?status=IDLE").then().statusCode(502).contentType("application/json; charset=utf-8")
                .body("errors", hasSize(2))
                .body("errors.extensions.code", everyItem(equalTo("VENDOR_UNAVAILABLE")))
                .body("errors.extensions.vendor", containsInAnyOrder("WINDSURF", "TABNINE"));
    }
}
