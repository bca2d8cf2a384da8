package io.aiusage.demo;

import static io.aiusage.demo.WindsurfVocabulary.CASCADE_MODEL_NAMES;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_MODES;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_TOOLS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_INTENTS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_MODELS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_PROVIDERS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_SOURCES;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aiusage.demo.WindsurfSeat.Autocomplete;
import io.aiusage.demo.WindsurfSeat.Cascade;
import io.aiusage.demo.WindsurfSeat.Chat;
import io.aiusage.demo.WindsurfSeat.Command;
import io.aiusage.demo.WindsurfSeat.Run;
import io.aiusage.demo.WindsurfSeat.ToolUse;

/**
 * Reads one day of a {@link WindsurfDays} tape back into records, part by part in the order
 * {@link WindsurfDaysBuilder} wrote them (header, Cascade, autocomplete, chats, Commands); {@code keep == false}
 * skips a part without building it.
 */
final class WindsurfDayReader {

    private static final List<String> LANGUAGES = OrganisationGenerator.LANGUAGES;

    private final Varints.Reader reader;
    private final long epochDay;
    private final String apiKey;
    private final String ide;
    private final String version;

    WindsurfDayReader(Varints.Reader reader, long epochDay, String apiKey, String ide, String version) {
        this.reader = reader;
        this.epochDay = epochDay;
        this.apiKey = apiKey;
        this.ide = ide;
        this.version = version;
    }

    /** The next value of the day's header. */
    long next() {
        return reader.next();
    }

    Cascade cascade(long at, boolean keep) {
        long suggested = reader.next();
        long accepted = reader.next();
        Run[] runs = new Run[reader.nextInt()];
        for (int i = 0; i < runs.length; i++) {
            long high = reader.nextFixed();
            long low = reader.nextFixed();
            String model = CASCADE_MODEL_NAMES.get(reader.nextInt());
            String mode = CASCADE_MODES.get(reader.nextInt());
            boolean split = reader.next() == 1;
            long messages = reader.next();
            long prompts = reader.next();
            runs[i] = keep ? new Run(new UUID(high, low).toString(), model, mode, messages, prompts, split) : null;
        }
        ToolUse[] tools = new ToolUse[reader.nextInt()];
        for (int i = 0; i < tools.length; i++) {
            String tool = CASCADE_TOOLS.get(reader.nextInt());
            tools[i] = new ToolUse(tool, reader.next());
        }
        return keep ? new Cascade(instant(at), suggested, accepted, List.of(runs), List.of(tools)) : null;
    }

    List<Autocomplete> autocomplete(boolean keep) {
        Autocomplete[] rows = new Autocomplete[reader.nextInt()];
        for (int i = 0; i < rows.length; i++) {
            long at = reader.next();
            String language = LANGUAGES.get(reader.nextInt());
            long acceptances = reader.next();
            long lines = reader.next();
            long bytes = reader.next();
            long userBytes = reader.next();
            if (keep) {
                rows[i] = new Autocomplete(instant(at), apiKey, ide, version, language, acceptances, lines, bytes,
                        userBytes);
            }
        }
        return keep ? List.of(rows) : null;
    }

    List<Chat> chats(boolean keep) {
        Chat[] rows = new Chat[reader.nextInt()];
        for (int i = 0; i < rows.length; i++) {
            long at = reader.next();
            String model = CHAT_MODELS.get(reader.nextInt());
            String intent = CHAT_INTENTS.get(reader.nextInt());
            int flags = reader.nextInt();
            long received = reader.next();
            long locUsed = reader.next();
            if (keep) {
                rows[i] = new Chat(instant(at), apiKey, ide, version, model, intent, received, (flags & 1) != 0,
                        (flags & 2) != 0, (flags & 4) != 0, locUsed);
            }
        }
        return keep ? List.of(rows) : null;
    }

    List<Command> commands(boolean keep) {
        Command[] rows = new Command[reader.nextInt()];
        for (int i = 0; i < rows.length; i++) {
            long at = reader.next();
            String language = LANGUAGES.get(reader.nextInt());
            String source = COMMAND_SOURCES.get(reader.nextInt());
            String provider = COMMAND_PROVIDERS.get(reader.nextInt());
            boolean accepted = reader.next() == 1;
            long added = reader.next();
            long removed = reader.next();
            long bytesAdded = reader.next();
            long bytesRemoved = reader.next();
            long selectionLines = reader.next();
            long selectionBytes = reader.next();
            if (keep) {
                rows[i] = new Command(instant(at), apiKey, ide, version, language, source, provider, added,
                        removed, bytesAdded, bytesRemoved, selectionLines, selectionBytes, accepted);
            }
        }
        return keep ? List.of(rows) : null;
    }

    private Instant instant(long microsOfDay) {
        return Times.instant(epochDay, microsOfDay);
    }
}
