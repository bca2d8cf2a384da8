package io.aiusage.demo;

import static io.aiusage.demo.WindsurfVocabulary.CASCADE_MODEL_NAMES;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_MODES;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_TOOLS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_INTENTS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_MODELS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_PROVIDERS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_SOURCES;
import static io.aiusage.demo.WindsurfVocabulary.index;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.aiusage.demo.WindsurfSeat.Autocomplete;
import io.aiusage.demo.WindsurfSeat.Chat;
import io.aiusage.demo.WindsurfSeat.Command;
import io.aiusage.demo.WindsurfSeat.Day;
import io.aiusage.demo.WindsurfSeat.Run;
import io.aiusage.demo.WindsurfSeat.ToolUse;

/**
 * Writes one seat's days into the form {@link WindsurfDays} reads, a day at a time: the generator calls it directly
 * (no records, times or lists are made for the days of tens of thousands of seats), and {@link #of} turns day records
 * into the same bytes. Times are microseconds into their day; text values are indexes into the vocabularies.
 * <p>
 * A day is written as: header (autocomplete hours as bits, Cascade credits in cents, Cascade time + 1 or 0), then its
 * Cascade use (lines, runs, tools), its autocomplete rows, its chats, and its Commands.
 */
final class WindsurfDaysBuilder {

    private static final List<String> LANGUAGES = OrganisationGenerator.LANGUAGES;
    private static final int AUTOCOMPLETE = 6;
    private static final int RUN = 7;

    private final String apiKey;
    private final String ide;
    private final String version;
    private final Varints.Writer tape = Varints.Writer.reused();
    private int[] epochDays = new int[64];
    private int[] offsets = new int[64];
    private int days;
    /** Last autocomplete, Cascade, Command and activity of any kind: microseconds into their day, and the day. */
    private final long[] lastMicros = { -1, -1, -1, -1 };
    private final long[] lastDays = new long[4];

    private long epochDay;
    private long[] autocomplete = new long[AUTOCOMPLETE * 4];
    private int autocompleteRows;
    private List<Chat> chats = List.of();
    private List<Command> commands = List.of();
    private boolean cascade;
    private long cascadeMicros;
    private long linesSuggested;
    private long linesAccepted;
    private long[] runs = new long[RUN * 4];
    private int runCount;
    private long[] tools = new long[2 * CASCADE_TOOLS.size()];
    private int toolCount;

    WindsurfDaysBuilder(String apiKey, String ide, String version) {
        this.apiKey = apiKey;
        this.ide = ide;
        this.version = version;
    }

    /** The compact form of day records, each row of the given seat. */
    static WindsurfDays of(List<Day> days, String apiKey, String ide, String version) {
        WindsurfDaysBuilder builder = new WindsurfDaysBuilder(apiKey, ide, version);
        for (Day day : days) {
            long epochDay = day.date().toEpochDay();
            builder.startDay(epochDay);
            for (Autocomplete row : day.autocomplete()) {
                builder.seat(row.apiKey(), row.ide(), row.version());
                builder.autocomplete(Times.microsOfDay(row.at(), epochDay), index(LANGUAGES, row.language()),
                        row.acceptances(), row.linesAccepted(), row.bytesAccepted(), row.userBytes());
            }
            day.chats().forEach(chat -> builder.seat(chat.apiKey(), chat.ide(), chat.version()));
            day.commands().forEach(command -> builder.seat(command.apiKey(), command.ide(), command.version()));
            builder.chats(day.chats());
            builder.commands(day.commands());
            if (day.cascade() != null) {
                for (Run run : day.cascade().runs()) {
                    UUID id = UUID.fromString(run.cascadeId());
                    if (!id.toString().equals(run.cascadeId())) {
                        throw new IllegalArgumentException("not a canonical UUID: " + run.cascadeId());
                    }
                    builder.run(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                            index(CASCADE_MODEL_NAMES, run.model()), index(CASCADE_MODES, run.mode()), run.split(),
                            run.messagesSent(), run.promptsUsed());
                }
                for (ToolUse tool : day.cascade().tools()) {
                    builder.tool(index(CASCADE_TOOLS, tool.tool()), tool.count());
                }
                builder.cascade(Times.microsOfDay(day.cascade().at(), epochDay), day.cascade().linesSuggested(),
                        day.cascade().linesAccepted());
            }
            builder.endDay();
        }
        return builder.build();
    }

    /** Starts the next day; days come in date order. */
    void startDay(long epochDay) {
        if (days > 0 && epochDay <= epochDays[days - 1]) {
            throw new IllegalArgumentException("days out of date order: epoch day " + epochDay);
        }
        this.epochDay = epochDay;
        autocompleteRows = 0;
        chats = List.of();
        commands = List.of();
        cascade = false;
        runCount = 0;
        toolCount = 0;
    }

    /** One hour of autocomplete; a day's rows come in the order they are to be read back. */
    void autocomplete(long micros, int language, long acceptances, long lines, long bytes, long userBytes) {
        if ((autocompleteRows + 1) * AUTOCOMPLETE > autocomplete.length) {
            autocomplete = Arrays.copyOf(autocomplete, autocomplete.length * 2);
        }
        int at = autocompleteRows++ * AUTOCOMPLETE;
        autocomplete[at] = micros;
        autocomplete[at + 1] = language;
        autocomplete[at + 2] = acceptances;
        autocomplete[at + 3] = lines;
        autocomplete[at + 4] = bytes;
        autocomplete[at + 5] = userBytes;
    }

    /** The day's legacy-plugin chats, in time order. */
    void chats(List<Chat> dayChats) {
        this.chats = dayChats;
    }

    /** The day's Commands, in time order. */
    void commands(List<Command> dayCommands) {
        this.commands = dayCommands;
    }

    /** The day's Cascade use: its first moment and lines; its runs and tools may come before or after. */
    void cascade(long micros, long suggested, long accepted) {
        cascade = true;
        cascadeMicros = micros;
        linesSuggested = suggested;
        linesAccepted = accepted;
    }

    void run(long idHigh, long idLow, int model, int mode, boolean split, long messages, long prompts) {
        if ((runCount + 1) * RUN > runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
        }
        int at = runCount++ * RUN;
        runs[at] = idHigh;
        runs[at + 1] = idLow;
        runs[at + 2] = model;
        runs[at + 3] = mode;
        runs[at + 4] = split ? 1 : 0;
        runs[at + 5] = messages;
        runs[at + 6] = prompts;
    }

    void tool(int tool, long count) {
        tools[toolCount * 2] = tool;
        tools[toolCount * 2 + 1] = count;
        toolCount++;
    }

    /** Writes the day. Every day has autocomplete: "active days" means the same in every endpoint. */
    void endDay() {
        if (autocompleteRows == 0) {
            throw new IllegalArgumentException("a Windsurf active day without autocomplete: epoch day " + epochDay);
        }
        if (days == epochDays.length) {
            epochDays = Arrays.copyOf(epochDays, days * 2);
            offsets = Arrays.copyOf(offsets, days * 2);
        }
        epochDays[days] = Math.toIntExact(epochDay);
        offsets[days] = tape.size();
        days++;
        int hours = 0;
        for (int row = 0; row < autocompleteRows; row++) {
            hours |= 1 << (int) (autocomplete[row * AUTOCOMPLETE] / Times.MICROS_PER_HOUR);
        }
        long prompts = 0;
        for (int run = 0; run < runCount; run++) {
            prompts += runs[run * RUN + 6];
        }
        tape.put(hours);
        tape.put(cascade ? prompts : 0);
        tape.put(cascade ? cascadeMicros + 1 : 0);
        if (cascade) {
            writeCascade();
        }
        tape.put(autocompleteRows);
        for (int value = 0; value < autocompleteRows * AUTOCOMPLETE; value++) {
            tape.put(autocomplete[value]);
        }
        writeChatsAndCommands();
        remember();
    }

    WindsurfDays build() {
        return new WindsurfDays(apiKey, ide, version, Arrays.copyOf(epochDays, days), Arrays.copyOf(offsets, days),
                tape.toArray(), instant(0), instant(1), instant(2), instant(3));
    }

    private void writeCascade() {
        tape.put(linesSuggested);
        tape.put(linesAccepted);
        tape.put(runCount);
        for (int run = 0; run < runCount; run++) {
            int at = run * RUN;
            tape.putFixed(runs[at]);
            tape.putFixed(runs[at + 1]);
            for (int field = 2; field < RUN; field++) {
                tape.put(runs[at + field]);
            }
        }
        tape.put(toolCount);
        for (int tool = 0; tool < toolCount * 2; tool++) {
            tape.put(tools[tool]);
        }
    }

    private void writeChatsAndCommands() {
        tape.put(chats.size());
        for (Chat chat : chats) {
            tape.put(Times.microsOfDay(chat.at(), epochDay));
            tape.put(index(CHAT_MODELS, chat.modelId()));
            tape.put(index(CHAT_INTENTS, chat.intent()));
            tape.put((chat.accepted() ? 1 : 0) | (chat.insertedAtCursor() ? 2 : 0) | (chat.applied() ? 4 : 0));
            tape.put(chat.chatsReceived());
            tape.put(chat.locUsed());
        }
        tape.put(commands.size());
        for (Command command : commands) {
            tape.put(Times.microsOfDay(command.at(), epochDay));
            tape.put(index(LANGUAGES, command.language()));
            tape.put(index(COMMAND_SOURCES, command.source()));
            tape.put(index(COMMAND_PROVIDERS, command.provider()));
            tape.put(command.accepted() ? 1 : 0);
            tape.put(command.linesAdded());
            tape.put(command.linesRemoved());
            tape.put(command.bytesAdded());
            tape.put(command.bytesRemoved());
            tape.put(command.selectionLines());
            tape.put(command.selectionBytes());
        }
    }

    /** The day's last autocomplete, Cascade and Command moments, and its latest activity of any kind. */
    private void remember() {
        long lastAutocomplete = autocomplete[(autocompleteRows - 1) * AUTOCOMPLETE];
        long latest = 0;
        for (int row = 0; row < autocompleteRows; row++) {
            latest = Math.max(latest, autocomplete[row * AUTOCOMPLETE]);
        }
        for (Chat chat : chats) {
            latest = Math.max(latest, Times.microsOfDay(chat.at(), epochDay));
        }
        for (Command command : commands) {
            latest = Math.max(latest, Times.microsOfDay(command.at(), epochDay));
        }
        set(0, lastAutocomplete);
        if (cascade) {
            set(1, cascadeMicros);
            latest = Math.max(latest, cascadeMicros);
        }
        if (!commands.isEmpty()) {
            set(2, Times.microsOfDay(commands.getLast().at(), epochDay));
        }
        set(3, latest);
    }

    private void set(int which, long micros) {
        lastMicros[which] = micros;
        lastDays[which] = epochDay;
    }

    private java.time.Instant instant(int which) {
        return lastMicros[which] < 0 ? null : Times.instant(lastDays[which], lastMicros[which]);
    }

    private void seat(String rowApiKey, String rowIde, String rowVersion) {
        if (!apiKey.equals(rowApiKey) || !ide.equals(rowIde) || !version.equals(rowVersion)) {
            throw new IllegalArgumentException("a row of another seat: " + rowApiKey);
        }
    }
}
