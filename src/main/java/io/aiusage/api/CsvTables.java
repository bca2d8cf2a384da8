package io.aiusage.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.aiusage.domain.Person;
import io.aiusage.domain.Team;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.VendorAccount;

/**
 * The dashboard's tables as CSV (RFC 4180, through Apache Commons CSV: fields holding a comma, a quote, CR or LF are
 * quoted, quotes doubled, lines end with CRLF). Column names are the GraphQL field names, so a column means what
 * the schema's description says. A missing figure is an empty field, never 0; several values in one field (a
 * person's vendors, an account's teams) are joined with {@code "; "}.
 */
final class CsvTables {

    static final List<String> USAGE = List.of("vendor", "from", "to", "activeUsers", "completionsAccepted",
            "completionLinesAccepted", "chatMessages", "agentMessages", "agentLinesAccepted", "inputTokens",
            "outputTokens", "credits", "cost");
    static final List<String> SEATS = List.of("vendor", "email", "name", "role", "status", "lastActiveAt", "teams");
    static final List<String> PEOPLE = List.of("email", "name", "vendors", "seats", "lastActiveAt", "teams");

    /** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvTables() {
    }

    static String usage(List<UsageBucket> buckets) {
        return write(USAGE, buckets, b -> List.of(b.vendor(), b.from(), b.to(), cell(b.activeUsers()),
                cell(b.completionsAccepted()), cell(b.completionLinesAccepted()), cell(b.chatMessages()),
                cell(b.agentMessages()), cell(b.agentLinesAccepted()), cell(b.inputTokens()), cell(b.outputTokens()),
                cell(b.credits()), cell(b.cost())));
    }

    static String seats(List<VendorAccount> accounts) {
        return write(SEATS, accounts, a -> List.of(a.vendor(), text(a.email()), text(a.name()), text(a.role()),
                a.status(), cell(a.lastActiveAt()), teams(a.teams())));
    }

    static String people(List<Person> people) {
        return write(PEOPLE, people, p -> List.of(text(p.email()), text(p.name()),
                p.vendors().stream().map(Enum::name).collect(Collectors.joining("; ")),
                p.accounts().stream().map(a -> a.vendor() + " " + a.status()).collect(Collectors.joining("; ")),
                cell(p.lastActiveAt()), teams(p.accounts().stream().flatMap(a -> a.teams().stream()).toList())));
    }

    private static <T> String write(List<String> header, List<T> rows, Function<T, List<Object>> row) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (T item : rows) {
                printer.printRecord(row.apply(item));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /**
     * Free text from a vendor (names, e-mails, roles, team names). One starting with {@code = + - @}, a tab or CR
     * gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String teams(List<Team> teams) {
        return teams.stream().map(Team::name).distinct().map(CsvTables::text).collect(Collectors.joining("; "));
    }

    /** A figure or a timestamp; empty when null. Decimals in plain notation (12345678.5, never 1.23456785E7). */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return value.toString();
    }
}
