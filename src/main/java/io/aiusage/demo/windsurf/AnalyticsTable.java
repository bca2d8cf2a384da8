package io.aiusage.demo.windsurf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aiusage.demo.WindsurfDays;
import io.aiusage.demo.WindsurfSeat;
import io.aiusage.demo.WindsurfSeat.Autocomplete;
import io.aiusage.demo.WindsurfSeat.Chat;
import io.aiusage.demo.WindsurfSeat.Command;

/**
 * A Custom Analytics data source: its documented fields and its rows, read from the demo activity log. Every row
 * has a moment; a request's {@code start_timestamp}/{@code end_timestamp} keep the rows whose UTC hour starts in
 * {@code [start, end)}.
 *
 * @param <R> the row type
 */
final class AnalyticsTable<R> {

    /** Percent Code Written rows: an hour of autocomplete or an accepted command, with the bytes each side wrote. */
    record PcwRow(Instant at, String ide, String version, String language, long autocompleteBytes, long commandBytes,
            long userBytes) {
    }

    static final AnalyticsTable<Autocomplete> USER_DATA = new AnalyticsTable<>("QUERY_DATA_SOURCE_USER_DATA",
            WindsurfDays::autocomplete, Autocomplete::at, true, List.of(
                    dimension("api_key", Autocomplete::apiKey),
                    dimension("date", (Autocomplete row) -> date(row.at())),
                    dimension("hour", (Autocomplete row) -> hour(row.at())),
                    dimension("language", Autocomplete::language),
                    dimension("ide", Autocomplete::ide),
                    dimension("version", Autocomplete::version),
                    measure("num_acceptances", Autocomplete::acceptances),
                    measure("num_lines_accepted", Autocomplete::linesAccepted),
                    measure("num_bytes_accepted", Autocomplete::bytesAccepted),
                    distinct("distinct_users", Autocomplete::apiKey, "api_key"),
                    distinct("distinct_developer_days", (Autocomplete row) -> row.apiKey() + date(row.at()),
                            "api_key", "date"),
                    distinct("distinct_developer_hours", (Autocomplete row) -> row.apiKey() + hour(row.at()),
                            "api_key", "hour")));

    static final AnalyticsTable<Chat> CHAT_DATA = new AnalyticsTable<>("QUERY_DATA_SOURCE_CHAT_DATA",
            WindsurfDays::chats, Chat::at, true, List.of(
                    dimension("api_key", Chat::apiKey),
                    dimension("model_id", Chat::modelId),
                    dimension("date", (Chat row) -> date(row.at())),
                    dimension("ide", Chat::ide),
                    dimension("version", Chat::version),
                    dimension("latest_intent_type", Chat::intent),
                    measure("num_chats_received", Chat::chatsReceived),
                    flag("chat_accepted", Chat::accepted),
                    flag("chat_inserted_at_cursor", Chat::insertedAtCursor),
                    flag("chat_applied", Chat::applied),
                    measure("chat_loc_used", Chat::locUsed)));

    static final AnalyticsTable<Command> COMMAND_DATA = new AnalyticsTable<>("QUERY_DATA_SOURCE_COMMAND_DATA",
            WindsurfDays::commands, Command::at, false, List.of(
                    dimension("api_key", Command::apiKey),
                    dimension("date", (Command row) -> date(row.at())),
                    dimension("timestamp", (Command row) -> WindsurfWire.seconds(row.at())),
                    dimension("language", Command::language),
                    dimension("ide", Command::ide),
                    dimension("version", Command::version),
                    dimension("command_source", Command::source),
                    dimension("provider_source", Command::provider),
                    measure("lines_added", Command::linesAdded),
                    measure("lines_removed", Command::linesRemoved),
                    measure("bytes_added", Command::bytesAdded),
                    measure("bytes_removed", Command::bytesRemoved),
                    measure("selection_lines", Command::selectionLines),
                    measure("selection_bytes", Command::selectionBytes),
                    flag("accepted", Command::accepted)));

    static final AnalyticsTable<PcwRow> PCW_DATA = new AnalyticsTable<>("QUERY_DATA_SOURCE_PCW_DATA",
            AnalyticsTable::pcwRows, PcwRow::at, false, List.of(
                    dimension("language", PcwRow::language),
                    dimension("ide", PcwRow::ide),
                    dimension("version", PcwRow::version),
                    new AnalyticsField.Derived<>("percent_code_written", "float",
                            List.of(row -> row.autocompleteBytes() + row.commandBytes(), PcwRow::userBytes),
                            AnalyticsTable::percentCodeWritten),
                    derivedSum("codeium_bytes", row -> row.autocompleteBytes() + row.commandBytes()),
                    derivedSum("user_bytes", PcwRow::userBytes),
                    derivedSum("total_bytes", row -> row.autocompleteBytes() + row.commandBytes() + row.userBytes()),
                    derivedSum("codeium_bytes_by_autocomplete", PcwRow::autocompleteBytes),
                    derivedSum("codeium_bytes_by_command", PcwRow::commandBytes)));

    private static final List<AnalyticsTable<?>> ALL = List.of(USER_DATA, CHAT_DATA, COMMAND_DATA, PCW_DATA);
    /** Date strings by epoch day: there are only as many as days of activity (and their UTC offsets). */
    private static final Map<Long, String> DATES = new ConcurrentHashMap<>();
    private static final Pattern DATE_WITH_OFFSET = Pattern.compile("date UTC([+-]\\d{1,2})");

    private final String dataSource;
    private final BiFunction<WindsurfDays, Integer, List<R>> rowsOfDay;
    private final Function<R, Instant> time;
    private final boolean dateOffsets;
    private final Map<String, AnalyticsField<R>> fields = new LinkedHashMap<>();

    private AnalyticsTable(String dataSource, BiFunction<WindsurfDays, Integer, List<R>> rowsOfDay,
            Function<R, Instant> time,
            boolean dateOffsets, List<AnalyticsField<R>> fields) {
        this.dataSource = dataSource;
        this.rowsOfDay = rowsOfDay;
        this.time = time;
        this.dateOffsets = dateOffsets;
        fields.forEach(field -> this.fields.put(field.name(), field));
    }

    /** The table of a {@code data_source} value. */
    static Optional<AnalyticsTable<?>> of(String dataSource) {
        return ALL.stream().filter(table -> table.dataSource.equals(dataSource)).findFirst();
    }

    String dataSource() {
        return dataSource;
    }

    /** A documented field, including {@code date UTC-x} (e.g. {@code date UTC-8}) where the source has it. */
    Optional<AnalyticsField<R>> field(String name) {
        Matcher offset = DATE_WITH_OFFSET.matcher(name);
        if (dateOffsets && offset.matches() && Math.abs(Integer.parseInt(offset.group(1))) <= 14) {
            long hours = Integer.parseInt(offset.group(1));
            return Optional.of(dimension(name, (R row) -> date(time.apply(row).plus(hours, ChronoUnit.HOURS))));
        }
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * Hands {@code sink} the rows of the given seats whose hour starts in {@code [from, to)}. Only the days that meet
     * the window are read (each seat's days are found by binary search), so the work grows with the rows in the
     * window, not with the seats' whole history.
     */
    void rows(List<WindsurfSeat> seats, Instant from, Instant to, Consumer<R> sink) {
        for (WindsurfSeat seat : seats) {
            WindsurfDays days = seat.activity();
            for (int i = days.firstEndingAfter(from), end = days.endStartingBefore(to); i < end; i++) {
                for (R row : rowsOfDay.apply(days, i)) {
                    Instant hour = time.apply(row).truncatedTo(ChronoUnit.HOURS);
                    if (!hour.isBefore(from) && hour.isBefore(to)) {
                        sink.accept(row);
                    }
                }
            }
        }
    }

    private static List<PcwRow> pcwRows(WindsurfDays days, int i) {
        WindsurfSeat.Day day = days.get(i);
        return Stream.concat(
                day.autocomplete().stream().map(row -> new PcwRow(row.at(), row.ide(), row.version(), row.language(),
                        row.bytesAccepted(), 0, row.userBytes())),
                day.commands().stream().filter(Command::accepted).map(row -> new PcwRow(row.at(), row.ide(),
                        row.version(), row.language(), 0, row.bytesAdded(), 0)))
                .toList();
    }

    /** From the sums of the Codeium-written and the user-written bytes. */
    private static String percentCodeWritten(long[] sums) {
        long codeium = sums[0];
        long total = codeium + sums[1];
        return total == 0 ? "0"
                : BigDecimal.valueOf(codeium).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
    }

    /** The UTC date of {@code at}; one string per date, as every row of a day asks for it. */
    private static String date(Instant at) {
        return DATES.computeIfAbsent(Math.floorDiv(at.getEpochSecond(), 86_400L),
                day -> LocalDate.ofEpochDay(day).toString());
    }

    private static String hour(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS).toString();
    }

    private static <R> AnalyticsField<R> dimension(String name, Function<R, String> value) {
        return new AnalyticsField.Dimension<>(name, value);
    }

    private static <R> AnalyticsField<R> measure(String name, ToLongFunction<R> value) {
        return new AnalyticsField.Measure<>(name, value);
    }

    private static <R> AnalyticsField<R> flag(String name, Predicate<R> value) {
        return new AnalyticsField.Flag<>(name, value);
    }

    private static <R> AnalyticsField<R> distinct(String name, Function<R, String> key, String... instead) {
        return new AnalyticsField.Distinct<>(name, key, List.of(instead));
    }

    private static AnalyticsField<PcwRow> derivedSum(String name, ToLongFunction<PcwRow> value) {
        return new AnalyticsField.Derived<>(name, "int", List.of(value), sums -> Long.toString(sums[0]));
    }
}
