package io.aiusage.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One Windsurf seat of the demo organisation with its activity log: one {@link Day} per UTC day with activity, in
 * date order. Every active day has autocomplete activity, so "active days" means the same in every Windsurf endpoint.
 *
 * @param apiKey  the hashed API key Windsurf identifies the user by in Custom Analytics (UUID-shaped)
 * @param role    {@code admin} or {@code member}
 * @param group   the Windsurf group, or null when the user is in none
 * @param ide     {@code windsurf} (the Windsurf Editor), {@code jetbrains} or {@code vscode}
 */
public record WindsurfSeat(String name, String email, String apiKey, String role, Instant signupAt, Lifecycle lifecycle,
        String group, String ide, String version, List<Day> days) {

    /** The days are held compactly ({@link WindsurfDays}); {@code days()} reads them back as records. */
    public WindsurfSeat {
        days = WindsurfDays.of(days, apiKey, ide, version);
    }

    /** Disabled by an admin ({@code disableCodeium}). */
    public boolean disabled() {
        return lifecycle == Lifecycle.DEACTIVATED;
    }

    /** Windsurf's {@code teamStatus}. */
    public String teamStatus() {
        return lifecycle == Lifecycle.PENDING ? "USER_TEAM_STATUS_PENDING" : "USER_TEAM_STATUS_APPROVED";
    }

    /** The Cascade {@code ide_types} value of this seat's IDE; the VS Code plugin has no Cascade. */
    public Optional<String> cascadeIdeType() {
        return switch (ide) {
            case "windsurf" -> Optional.of("editor");
            case "jetbrains" -> Optional.of("jetbrains");
            default -> Optional.empty();
        };
    }

    public Optional<Instant> lastAutocompleteAt() {
        return Optional.ofNullable(activity().lastAutocompleteAt());
    }

    public Optional<Instant> lastCascadeAt() {
        return Optional.ofNullable(activity().lastCascadeAt());
    }

    public Optional<Instant> lastCommandAt() {
        return Optional.ofNullable(activity().lastCommandAt());
    }

    /** The latest activity of any kind. */
    public Optional<Instant> lastActivityAt() {
        return Optional.ofNullable(activity().lastActivityAt());
    }

    /** The activity log in its compact form, with the window reads the endpoints use. */
    public WindsurfDays activity() {
        return (WindsurfDays) days;
    }

    /** A day's activity; {@code cascade} is null on days without Cascade use. */
    public record Day(LocalDate date, List<Autocomplete> autocomplete, List<Chat> chats, List<Command> commands,
            Cascade cascade) {

        Stream<Instant> activities() {
            return Stream.of(autocomplete.stream().map(Autocomplete::at), chats.stream().map(Chat::at),
                    commands.stream().map(Command::at), Stream.ofNullable(cascade).map(Cascade::at))
                    .flatMap(Function.identity());
        }
    }

    /** One hour of autocomplete (Custom Analytics USER_DATA is per user and hour); {@code at}: the last use in it. */
    public record Autocomplete(Instant at, String apiKey, String ide, String version, String language,
            long acceptances, long linesAccepted, long bytesAccepted, long userBytes) {
    }

    /** One legacy-plugin chat model response (CHAT_DATA). */
    public record Chat(Instant at, String apiKey, String ide, String version, String modelId, String intent,
            long chatsReceived, boolean accepted, boolean insertedAtCursor, boolean applied, long locUsed) {
    }

    /** One Command invocation, accepted or not (COMMAND_DATA). */
    public record Command(Instant at, String apiKey, String ide, String version, String language, String source,
            String provider, long linesAdded, long linesRemoved, long bytesAdded, long bytesRemoved,
            long selectionLines, long selectionBytes, boolean accepted) {
    }

    /** A day's Cascade use; {@code at} is its first use that day. */
    public record Cascade(Instant at, long linesSuggested, long linesAccepted, List<Run> runs, List<ToolUse> tools) {
    }

    /**
     * One Cascade conversation. {@code promptsUsed} is in cents of a credit. A {@code split} run is reported as two
     * entries (messages, then credits), as Windsurf documents that "mode and prompt data may be split".
     */
    public record Run(String cascadeId, String model, String mode, long messagesSent, long promptsUsed, boolean split) {
    }

    /** How often Cascade called one tool on one day. */
    public record ToolUse(String tool, long count) {
    }
}
