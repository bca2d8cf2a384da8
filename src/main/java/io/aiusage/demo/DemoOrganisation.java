package io.aiusage.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The synthetic organisation the emulator serves: Windsurf seats, Tabnine users and teams, and their one activity
 * log. Every emulated endpoint is computed from it, so the vendors' figures agree with each other. Immutable; a
 * record, so two organisations generated from the same settings are {@code equals}.
 *
 * @param tabnineOrganizationId deterministic UUID of the Tabnine organization
 * @param windsurfGroups        the Windsurf groups ({@link io.aiusage.config.DemoConfig#WINDSURF_GROUPS})
 */
public record DemoOrganisation(DemoSettings settings, String tabnineOrganizationId, List<String> windsurfGroups,
        List<WindsurfSeat> windsurfSeats, List<TabnineTeam> tabnineTeams, List<TabnineSeat> tabnineSeats) {

    /** Generates the organisation of the given settings (deterministic). */
    public static DemoOrganisation generate(DemoSettings settings) {
        return new OrganisationGenerator(settings).generate();
    }

    /** The end of the anchor date: no activity happens at or after it. */
    public Instant end() {
        return settings.anchorDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The emulator's clock: the wall clock, but never past the last millisecond of the anchor date, so that an
     * organisation anchored in the past ("now" defaults, billing cycle, account utilisations) looks as it did then.
     */
    public Instant now(Instant wallClock) {
        Instant last = end().minusMillis(1);
        return wallClock.isAfter(last) ? last : wallClock;
    }

    public Optional<WindsurfSeat> windsurfSeatByEmail(String email) {
        String wanted = normalise(email);
        return windsurfSeats.stream().filter(seat -> normalise(seat.email()).equals(wanted)).findFirst();
    }

    public Optional<TabnineSeat> tabnineSeat(String id) {
        return tabnineSeats.stream().filter(seat -> seat.id().equals(id)).findFirst();
    }

    public Optional<TabnineTeam> tabnineTeam(String id) {
        return tabnineTeams.stream().filter(team -> team.id().equals(id)).findFirst();
    }

    /** The users whose team is {@code teamId}, pending and deactivated ones included. */
    public List<TabnineSeat> tabnineTeamMembers(String teamId) {
        return tabnineSeats.stream().filter(seat -> teamId.equals(seat.teamId())).toList();
    }

    /** Trimmed and lower-cased: how both vendors' e-mails are matched. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
