package io.aiusage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.Team;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;

/** RFC 4180 as the export writes it, without a server: quoting, doubled quotes, CRLF, empty figures, formulas. */
class CsvTablesTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndRecordsEndWithCrlf() {
        TabnineAccount account = new TabnineAccount(Vendor.TABNINE, "u1", "a@x.com", "Doe, \"Jo\"\nJr", "Member",
                SeatStatus.IDLE, Instant.parse("2026-11-02T00:00:00Z"),
                List.of(new Team("TABNINE:t1", Vendor.TABNINE, "R&D, EU", 3), new Team("TABNINE:t2", Vendor.TABNINE,
                        "+Ops", 1)), true, true, null);
        assertEquals("vendor,email,name,role,status,lastActiveAt,teams\r\n"
                + "TABNINE,a@x.com,\"Doe, \"\"Jo\"\"\nJr\",Member,IDLE,2026-11-02T00:00:00Z,\"R&D, EU; '+Ops\"\r\n",
                CsvTables.seats(List.of(account)));
    }

    @Test
    void missingFiguresAreEmptyAndDecimalsArePlain() {
        UsageBucket bucket = new UsageBucket(Vendor.WINDSURF, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), 3L, 12_345_678L, 0L, null, 1L, 2L, null, null, 12_345_678.5,
                null);
        String csv = CsvTables.usage(List.of(bucket));
        assertEquals("WINDSURF,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,3,12345678,0,,1,2,,,12345678.5,\r\n",
                csv.substring(csv.indexOf("\r\n") + 2));
    }

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvTables.text(formula));
        }
        assertEquals("Alice", CsvTables.text("Alice"));
        assertEquals("", CsvTables.text(null));
    }
}
