package io.aiusage.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The synthetic organisation the emulator serves: Windsurf seats, Tabnine users and teams, and their one activity
 * log. Every emulated endpoint is computed from it, so the vendors' figures agree with each other. Immutable; two
 * organisations generated from the same settings are {@code equals}.
 * <p>
 * Lookups by id, e-mail, team and group go through indexes built once here, so that an endpoint's work grows with
 * what it answers, not with the organisation (a 50,000-person organisation has some 35,000 seats per vendor).
 * Endpoints keep further views of it, built once on first use, in {@link #view}.
 */
public final class DemoOrganisation {

    private final DemoSettings settings;
    private final String tabnineOrganizationId;
    private final List<String> windsurfGroups;
    private final List<WindsurfSeat> windsurfSeats;
    private final List<TabnineTeam> tabnineTeams;
    private final List<TabnineSeat> tabnineSeats;

    private final Map<String, Integer> windsurfSeatIndexByEmail = new HashMap<>();
    private final Map<String, List<WindsurfSeat>> windsurfGroupMembers = new HashMap<>();
    private final Map<String, TabnineSeat> tabnineSeatsById = new HashMap<>();
    private final Map<String, TabnineTeam> tabnineTeamsById = new HashMap<>();
    private final Map<String, List<TabnineSeat>> tabnineTeamMembers = new HashMap<>();
    private final Map<Object, Object> views = new ConcurrentHashMap<>();

    /**
     * @param tabnineOrganizationId deterministic UUID of the Tabnine organization
     * @param windsurfGroups        the Windsurf groups ({@link io.aiusage.config.DemoConfig#WINDSURF_GROUPS})
     */
    public DemoOrganisation(DemoSettings settings, String tabnineOrganizationId, List<String> windsurfGroups,
            List<WindsurfSeat> windsurfSeats, List<TabnineTeam> tabnineTeams, List<TabnineSeat> tabnineSeats) {
        this.settings = settings;
        this.tabnineOrganizationId = tabnineOrganizationId;
        this.windsurfGroups = List.copyOf(windsurfGroups);
        this.windsurfSeats = List.copyOf(windsurfSeats);
        this.tabnineTeams = List.copyOf(tabnineTeams);
        this.tabnineSeats = List.copyOf(tabnineSeats);
        for (int i = 0; i < this.windsurfSeats.size(); i++) {
            WindsurfSeat seat = this.windsurfSeats.get(i);
            windsurfSeatIndexByEmail.putIfAbsent(normalise(seat.email()), i);
            if (seat.group() != null) {
                windsurfGroupMembers.computeIfAbsent(seat.group(), group -> new ArrayList<>()).add(seat);
            }
        }
        this.tabnineTeams.forEach(team -> tabnineTeamsById.putIfAbsent(team.id(), team));
        for (TabnineSeat seat : this.tabnineSeats) {
            tabnineSeatsById.putIfAbsent(seat.id(), seat);
            if (seat.teamId() != null) {
                tabnineTeamMembers.computeIfAbsent(seat.teamId(), team -> new ArrayList<>()).add(seat);
            }
        }
        windsurfGroupMembers.replaceAll((group, members) -> List.copyOf(members));
        tabnineTeamMembers.replaceAll((team, members) -> List.copyOf(members));
    }

    /** Generates the organisation of the given settings (deterministic). */
    public static DemoOrganisation generate(DemoSettings settings) {
        return new OrganisationGenerator(settings).generate();
    }

    public DemoSettings settings() {
        return settings;
    }

    public String tabnineOrganizationId() {
        return tabnineOrganizationId;
    }

    public List<String> windsurfGroups() {
        return windsurfGroups;
    }

    public List<WindsurfSeat> windsurfSeats() {
        return windsurfSeats;
    }

    public List<TabnineTeam> tabnineTeams() {
        return tabnineTeams;
    }

    public List<TabnineSeat> tabnineSeats() {
        return tabnineSeats;
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
        OptionalInt index = windsurfSeatIndexByEmail(email);
        return index.isPresent() ? Optional.of(windsurfSeats.get(index.getAsInt())) : Optional.empty();
    }

    /** The position in {@link #windsurfSeats()} of the seat with this e-mail (trimmed, any case). */
    public OptionalInt windsurfSeatIndexByEmail(String email) {
        Integer index = windsurfSeatIndexByEmail.get(normalise(email));
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The seats in the Windsurf group, in seat order; none for an unknown group. */
    public List<WindsurfSeat> windsurfGroupMembers(String group) {
        return windsurfGroupMembers.getOrDefault(group, List.of());
    }

    public Optional<TabnineSeat> tabnineSeat(String id) {
        return Optional.ofNullable(tabnineSeatsById.get(id));
    }

    public Optional<TabnineTeam> tabnineTeam(String id) {
        return Optional.ofNullable(tabnineTeamsById.get(id));
    }

    /** The users whose team is {@code teamId}, pending and deactivated ones included. */
    public List<TabnineSeat> tabnineTeamMembers(String teamId) {
        return tabnineTeamMembers.getOrDefault(teamId, List.of());
    }

    /**
     * A view of this organisation an endpoint needs often (an aggregate, a filtered list), built by {@code build} on
     * first use and kept: {@code key} names it, so use one constant key per kind of view.
     */
    @SuppressWarnings("unchecked")
    public <T> T view(Object key, Function<DemoOrganisation, T> build) {
        Object view = views.get(key);
        if (view == null) {
            // not computeIfAbsent: a view may be built from other views
            synchronized (views) {
                view = views.get(key);
                if (view == null) {
                    view = build.apply(this);
                    views.put(key, view);
                }
            }
        }
        return (T) view;
    }

    /** Trimmed and lower-cased: how both vendors' e-mails are matched. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemoOrganisation that && settings.equals(that.settings)
                && tabnineOrganizationId.equals(that.tabnineOrganizationId)
                && windsurfGroups.equals(that.windsurfGroups) && windsurfSeats.equals(that.windsurfSeats)
                && tabnineTeams.equals(that.tabnineTeams) && tabnineSeats.equals(that.tabnineSeats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, tabnineOrganizationId, windsurfGroups.size(), windsurfSeats.size(),
                tabnineSeats.size());
    }

    @Override
    public String toString() {
        return "DemoOrganisation[" + settings + ", " + windsurfSeats.size() + " Windsurf seats, "
                + tabnineSeats.size() + " Tabnine users]";
    }
}
