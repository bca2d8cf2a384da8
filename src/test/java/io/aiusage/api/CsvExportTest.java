package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.aiusage.api.GraphQLRequests.VENDOR_ERROR_TEXT;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 14, acceptance 2: the CSV export over the WireMock vendors, whose people carry commas, quotes, CR and LF in
 * their names (and one a spreadsheet formula). Headers, RFC 4180 quoting and CRLF line ends are checked on the raw
 * text; the parsed rows equal the GraphQL answer for the same question and window.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class CsvExportTest extends WireMockGraphQLTest {

    @BeforeEach
    void serveNamesThatNeedQuoting() {
        mocks.windsurf().stubFor(windsurf("UserPageAnalytics").atPriority(1).withRequestBody(notContaining("group_name"))
                .willReturn(fixture("windsurf/user-page-analytics-csv.json", today)));
        mocks.tabnine().stubFor(tabnine("/api/v1/organization/users").atPriority(1)
                .withQueryParam("offset", equalTo("0")).willReturn(fixture("tabnine/users-csv.json", today)));
    }

    static Response export(String path) {
        Response response = given().accept("text/csv").get("/export/" + path);
        String body = response.asString();
        for (String never : List.of("io.aiusage", "Exception", "java.", VendorsWireMock.WINDSURF_KEY,
                VendorsWireMock.TABNINE_TOKEN, VENDOR_ERROR_TEXT)) {
            assertFalse(body.contains(never), () -> "the export contains \"" + never + "\": " + body);
        }
        return response;
    }

    static List<List<String>> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().stream().map(CSVRecord::toList).toList();
    }

    /** The days [today - idleAfterDays, tomorrow) a seat or people export names in its file name. */
    private String idleWindow(int idleAfterDays) {
        Instant now = Instant.now();
        return now.minusSeconds(idleAfterDays * 86_400L).atOffset(ZoneOffset.UTC).toLocalDate() + "_"
                + today.plusDays(1);
    }

    @Test
    void peopleAreQuotedAsRfc4180SaysAndAreTheApisPeople() throws IOException {
        Response response = export("people.csv");
        response.then().statusCode(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"people-" + idleWindow(30) + ".csv\"");
        String csv = response.asString();

        assertTrue(csv.startsWith("email,name,vendors,seats,lastActiveAt,teams\r\n"), csv);
        assertTrue(csv.contains(",\"Archer, Alice \"\"Al\"\"\","), "comma and quotes: the field quoted, quotes doubled");
        assertTrue(csv.contains(",\"Brown,\r\nBob\","), "CR LF inside a name stays inside its quoted field");
        assertTrue(csv.contains(",\"Carol\nChen\","), "LF inside a name");
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"https://attacker.test\"\",\"\"Dave\"\")\","),
                "a formula is written as text for spreadsheets");
        assertTrue(csv.contains(",\"\"\"Erin\"\" Evans\","), "a leading quote");
        assertTrue(csv.endsWith("\r\n"));
        String outsideQuotes = csv.replaceAll("\"(?:[^\"]|\"\")*\"", "");
        assertFalse(outsideQuotes.replace("\r\n", "").contains("\n") || outsideQuotes.replace("\r\n", "").contains("\r"),
                "every record ends with CRLF");

        List<List<String>> rows = parse(csv);
        assertEquals(List.of("email", "name", "vendors", "seats", "lastActiveAt", "teams"), rows.get(0));
        List<Map<String, Object>> people = graphql("{ people(first: 1000) { nodes { email name vendors lastActiveAt "
                + "accounts { vendor status teams { name } } } } }").extract().jsonPath().getList("data.people.nodes");
        assertEquals(7, people.size());
        assertEquals(people.stream().map(CsvExportTest::personRow).toList(), normalised(rows.subList(1, rows.size()), 4));
    }

    @SuppressWarnings("unchecked")
    private static List<String> personRow(Map<String, Object> person) {
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) person.get("accounts");
        return List.of(text(person.get("email")), text(person.get("name")),
                String.join("; ", (List<String>) person.get("vendors")),
                accounts.stream().map(a -> a.get("vendor") + " " + a.get("status")).collect(Collectors.joining("; ")),
                instant(person.get("lastActiveAt")),
                accounts.stream().flatMap(a -> ((List<Map<String, String>>) a.get("teams")).stream())
                        .map(t -> text(t.get("name"))).distinct().collect(Collectors.joining("; ")));
    }

    /** What a text cell holds: the API's text, with an apostrophe before what a spreadsheet would run. */
    private static String text(Object value) {
        String text = value == null ? "" : (String) value;
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String instant(Object value) {
        return value == null ? "" : Instant.parse((String) value).toString();
    }

    /** The rows with the timestamp in column {@code instantColumn} written as Instant#toString, to compare. */
    private static List<List<String>> normalised(List<List<String>> rows, int instantColumn) {
        return rows.stream().map(row -> {
            List<String> copy = new ArrayList<>(row);
            copy.set(instantColumn, instant(row.get(instantColumn).isEmpty() ? null : row.get(instantColumn)));
            return (List<String>) copy;
        }).toList();
    }

    @Test
    void idleAndNeverUsedSeatsAreTheApisAtAnyThreshold() throws IOException {
        for (int days : new int[] { 30, 2 }) {
            List<Map<String, Object>> idle = graphql("{ seats(idleAfterDays: " + days + ") { idle { vendor email name "
                    + "role status lastActiveAt teams { name } } neverUsed { vendor email name role status lastActiveAt "
                    + "teams { name } } } }").extract().jsonPath().getList("data.seats.idle");
            Response response = export("seats.csv?status=IDLE&idleAfterDays=" + days);
            response.then().statusCode(200).header("Content-Disposition",
                    "attachment; filename=\"seats-idle-" + idleWindow(days) + ".csv\"");
            List<List<String>> rows = parse(response.asString());
            assertEquals(CsvTables.SEATS, rows.get(0));
            assertFalse(idle.isEmpty());
            assertEquals(idle.stream().map(CsvExportTest::seatRow).toList(), normalised(rows.subList(1, rows.size()), 5));
        }
        List<Map<String, Object>> neverUsed = graphql("{ seats { neverUsed { vendor email name role status "
                + "lastActiveAt teams { name } } } }").extract().jsonPath().getList("data.seats.neverUsed");
        List<List<String>> rows = parse(export("seats.csv?status=never_used").then().statusCode(200).extract().asString());
        assertEquals(neverUsed.stream().map(CsvExportTest::seatRow).toList(), normalised(rows.subList(1, rows.size()), 5));
        assertEquals(List.of("'@Gina, \"G\""), rows.subList(1, rows.size()).stream().map(r -> r.get(2)).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> seatRow(Map<String, Object> account) {
        return List.of((String) account.get("vendor"), text(account.get("email")), text(account.get("name")),
                text(account.get("role")), (String) account.get("status"), instant(account.get("lastActiveAt")),
                ((List<Map<String, String>>) account.get("teams")).stream().map(t -> text(t.get("name"))).distinct()
                        .collect(Collectors.joining("; ")));
    }

    @Test
    void usageBucketsAreTheApisAndTheFileIsNamedAfterTheWindow() throws IOException {
        for (String granularity : List.of("DAY", "TOTAL")) {
            List<Map<String, Object>> buckets = graphql("{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: "
                    + granularity + ") { buckets { vendor from to " + String.join(" ", CsvTables.USAGE.subList(3,
                            CsvTables.USAGE.size())) + " } } }").extract().jsonPath().getList("data.usage.buckets");
            Response response = export("usage.csv?from=2025-03-06&to=" + SmallOrg.USAGE_TO + "&granularity="
                    + granularity.toLowerCase());
            response.then().statusCode(200).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"usage-2025-03-06_2025-03-11.csv\"");
            List<List<String>> rows = parse(response.asString());
            assertEquals(CsvTables.USAGE, rows.get(0));
            assertEquals(granularity.equals("DAY") ? 10 : 2, buckets.size());
            assertEquals(buckets.size(), rows.size() - 1);
            for (int i = 0; i < buckets.size(); i++) {
                Map<String, Object> bucket = buckets.get(i);
                List<String> row = rows.get(i + 1);
                assertEquals(bucket.get("vendor"), row.get(0));
                assertEquals(Instant.parse((String) bucket.get("from")), Instant.parse(row.get(1)));
                assertEquals(Instant.parse((String) bucket.get("to")), Instant.parse(row.get(2)));
                for (int column = 3; column < CsvTables.USAGE.size(); column++) {
                    Object figure = bucket.get(CsvTables.USAGE.get(column));
                    String cell = row.get(column);
                    String field = CsvTables.USAGE.get(column) + " of " + bucket.get("vendor") + " " + bucket.get("from");
                    if (figure == null) {
                        assertEquals("", cell, field + ": no figure, an empty field");
                    } else if (figure instanceof Double d) {
                        assertEquals(d, Double.parseDouble(cell), field);
                    } else {
                        assertEquals(((Number) figure).longValue(), Long.parseLong(cell), field);
                    }
                }
            }
        }
    }
}
