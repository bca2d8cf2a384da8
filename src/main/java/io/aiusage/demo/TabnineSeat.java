package io.aiusage.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One Tabnine user of the demo organisation with its activity log: one {@link Day} per UTC day with activity, in
 * date order. Every active day has code completions.
 *
 * @param id        deterministic UUID
 * @param email     as Tabnine holds it: for a few people it differs in case or surrounding spaces from the Windsurf one
 * @param role      {@code Member}, {@code TeamLead}, {@code Manager} or {@code Admin}
 * @param createdAt registration, or the invitation for a pending user
 * @param teamId    the user's team, or null
 * @param ides      comma-separated IDEs (usage v2 {@code ides})
 * @param languages comma-separated languages (usage v2 {@code languages})
 */
public record TabnineSeat(String id, String name, String email, String role, Lifecycle lifecycle, Instant createdAt,
        Instant deactivatedAt, Instant updatedAt, String teamId, String ides, String languages, List<Day> days) {

    /** The days are held compactly ({@link TabnineDays}); {@code days()} reads them back as records. */
    public TabnineSeat {
        days = TabnineDays.of(days);
    }

    /** The activity log in its compact form, with the window reads the endpoints use. */
    public TabnineDays activity() {
        return (TabnineDays) days;
    }

    /** False for a pending invitee. */
    public boolean verified() {
        return lifecycle != Lifecycle.PENDING;
    }

    /** False once deactivated. */
    public boolean active() {
        return lifecycle != Lifecycle.DEACTIVATED;
    }

    /** The login name; a pending invitee has none yet. */
    public String username() {
        return verified() ? email.strip().toLowerCase(Locale.ROOT).split("@")[0] : null;
    }

    /** A day's activity, all of it attributed to the instant {@code at}. */
    public record Day(LocalDate date, Instant at, long completions, long completionLines, long charsCompleted,
            long keystrokes, long chatMessages, long usefulChatMessages, long chatLinesAdded, long instructAccepted,
            long agentMessages, long agentLinesAdded, long agentLinesAddedAccepted, long agentLinesRemoved,
            long agentLinesRemovedAccepted, List<ModelUse> chatModels, List<ModelUse> agentModels) {
    }

    /** Messages and tokens of one model on one day. */
    public record ModelUse(TabnineModel model, long messages, long inputTokens, long outputTokens) {
    }
}
