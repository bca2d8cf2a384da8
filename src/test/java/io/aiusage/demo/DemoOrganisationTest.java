package io.aiusage.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The synthetic organisation: deterministic, and with every kind of seat the gateway has to report on. */
class DemoOrganisationTest {

    private static final LocalDate ANCHOR = LocalDate.of(2025, 3, 31);
    private static final DemoSettings SETTINGS = new DemoSettings(300, 42, ANCHOR, 400);
    private static final DemoOrganisation ORGANISATION = DemoOrganisation.generate(SETTINGS);

    @Test
    void sameSettingsGiveTheSameOrganisation() {
        assertEquals(ORGANISATION, DemoOrganisation.generate(SETTINGS));
    }

    @Test
    void anotherSeedGivesAnotherOrganisation() {
        DemoOrganisation other = DemoOrganisation.generate(new DemoSettings(300, 43, ANCHOR, 400));
        assertNotEquals(emails(ORGANISATION), emails(other));
        assertNotEquals(ORGANISATION.tabnineOrganizationId(), other.tabnineOrganizationId());
        assertNotEquals(ORGANISATION.windsurfSeats().getFirst().days(), other.windsurfSeats().getFirst().days());
    }

    @Test
    void peopleAreSplitOverBothVendorsWithSharedEmails() {
        Set<String> windsurf = ORGANISATION.windsurfSeats().stream()
                .map(seat -> DemoOrganisation.normalise(seat.email())).collect(Collectors.toSet());
        Set<String> tabnine = ORGANISATION.tabnineSeats().stream()
                .map(seat -> DemoOrganisation.normalise(seat.email())).collect(Collectors.toSet());
        long both = windsurf.stream().filter(tabnine::contains).count();
        // 40 % on Windsurf only, 25 % on Tabnine only, 35 % on both (README.md states these seat counts)
        assertEquals(105, both);
        assertEquals(225, windsurf.size());
        assertEquals(180, tabnine.size());
        // a few Tabnine spellings differ from the Windsurf ones, only by case or surrounding spaces
        List<String> respelled = ORGANISATION.tabnineSeats().stream().map(TabnineSeat::email)
                .filter(email -> !email.equals(DemoOrganisation.normalise(email))).toList();
        assertTrue(respelled.stream().anyMatch(email -> !email.equals(email.toLowerCase())), respelled::toString);
        assertTrue(respelled.stream().anyMatch(email -> !email.equals(email.strip())), respelled::toString);
        assertTrue(respelled.stream().allMatch(email -> windsurf.contains(DemoOrganisation.normalise(email))));
    }

    @Test
    void everyLifecycleIsRepresentedOnBothVendors() {
        assertEquals(Set.of(Lifecycle.values()), lifecycles(ORGANISATION.windsurfSeats(), WindsurfSeat::lifecycle)
                .keySet());
        assertEquals(Set.of(Lifecycle.values()), lifecycles(ORGANISATION.tabnineSeats(), TabnineSeat::lifecycle)
                .keySet());
        // from ten seats up, even the rarest lifecycle has a seat
        DemoOrganisation small = DemoOrganisation.generate(new DemoSettings(30, 42, ANCHOR, 400));
        assertEquals(Set.of(Lifecycle.values()), lifecycles(small.windsurfSeats(), WindsurfSeat::lifecycle).keySet());
        assertEquals(Set.of(Lifecycle.values()), lifecycles(small.tabnineSeats(), TabnineSeat::lifecycle).keySet());
    }

    @Test
    void theVendorsSeatsAreShapedDifferently() {
        Map<Lifecycle, Long> windsurf = lifecycles(ORGANISATION.windsurfSeats(), WindsurfSeat::lifecycle);
        Map<Lifecycle, Long> tabnine = lifecycles(ORGANISATION.tabnineSeats(), TabnineSeat::lifecycle);
        // Windsurf, the larger roll-out: 3 % pending, 6 % disabled, 5 % never active, 8 % idle of 225 seats
        assertEquals(Map.of(Lifecycle.ACTIVE, 175L, Lifecycle.IDLE, 18L, Lifecycle.NEVER_ACTIVE, 11L,
                Lifecycle.PENDING, 7L, Lifecycle.DEACTIVATED, 14L), windsurf);
        // Tabnine: 10 % pending, 4 % deactivated, 14 % never active, 15 % idle of 180 users
        assertEquals(Map.of(Lifecycle.ACTIVE, 103L, Lifecycle.IDLE, 27L, Lifecycle.NEVER_ACTIVE, 25L,
                Lifecycle.PENDING, 18L, Lifecycle.DEACTIVATED, 7L), tabnine);
        assertNotEquals(windsurf, tabnine);
    }

    @Test
    void cascadeIsUsedMoreThanTabninesAgent() {
        List<WindsurfSeat.Day> windsurfDays = ORGANISATION.windsurfSeats().stream()
                .flatMap(seat -> seat.days().stream()).toList();
        List<TabnineSeat.Day> tabnineDays = ORGANISATION.tabnineSeats().stream()
                .flatMap(seat -> seat.days().stream()).toList();
        double cascadeDays = windsurfDays.stream().filter(day -> day.cascade() != null).count()
                / (double) windsurfDays.size();
        double agentDays = tabnineDays.stream().filter(day -> day.agentMessages() > 0).count()
                / (double) tabnineDays.size();
        // about half of Windsurf's active days have Cascade use, about a tenth of Tabnine's have agent use
        assertTrue(cascadeDays > 0.4 && agentDays > 0.05 && cascadeDays > 3 * agentDays, cascadeDays + " " + agentDays);
        // and Windsurf seats see use on more days: 154 on average against Tabnine's 101
        assertEquals(34585, windsurfDays.size());
        assertEquals(18191, tabnineDays.size());
    }

    @Test
    void windsurfGroupsAndTabnineTeamsHaveTheirOwnSizes() {
        Map<String, Long> groups = ORGANISATION.windsurfSeats().stream().collect(Collectors.groupingBy(
                seat -> String.valueOf(seat.group()), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("engineering", 108L, "platform", 30L, "data-science", 28L, "mobile", 21L, "null", 38L),
                groups);
        Map<String, String> teamNames = ORGANISATION.tabnineTeams().stream()
                .collect(Collectors.toMap(TabnineTeam::id, TabnineTeam::name));
        Map<String, Long> teams = ORGANISATION.tabnineSeats().stream().collect(Collectors.groupingBy(
                seat -> String.valueOf(teamNames.get(seat.teamId())), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("Everyone", 31L, "Backend", 33L, "Frontend", 38L, "Platform", 14L, "Data", 16L,
                "Mobile", 12L, "QA", 6L, "null", 30L), teams);
    }

    @Test
    void activityMatchesEachSeatsLifecycle() {
        Instant thirtyDaysAgo = ANCHOR.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (WindsurfSeat seat : ORGANISATION.windsurfSeats()) {
            // an active day always has autocomplete: activeDays means the same everywhere
            assertTrue(seat.days().stream().noneMatch(day -> day.autocomplete().isEmpty()));
            switch (seat.lifecycle()) {
                case PENDING, NEVER_ACTIVE -> assertTrue(seat.days().isEmpty(), seat::toString);
                case ACTIVE -> assertTrue(seat.lastActivityAt().orElseThrow().isAfter(thirtyDaysAgo));
                case IDLE -> assertTrue(seat.lastActivityAt().orElseThrow().isBefore(thirtyDaysAgo));
                case DEACTIVATED -> assertTrue(seat.disabled() && !seat.days().isEmpty(), seat::toString);
            }
        }
        for (TabnineSeat seat : ORGANISATION.tabnineSeats()) {
            assertTrue(seat.days().stream().allMatch(day -> day.completions() > 0));
            assertEquals(seat.lifecycle() == Lifecycle.PENDING || seat.lifecycle() == Lifecycle.NEVER_ACTIVE,
                    seat.days().isEmpty(), seat::toString);
            if (seat.deactivatedAt() != null) {
                assertTrue(seat.days().stream().allMatch(day -> day.at().isBefore(seat.deactivatedAt())));
            }
        }
    }

    @Test
    void activityIsWeekdayShaped() {
        Map<Boolean, Long> daysByWeekend = ORGANISATION.windsurfSeats().stream().flatMap(seat -> seat.days().stream())
                .collect(Collectors.partitioningBy(day -> day.date().getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0,
                        Collectors.counting()));
        // five weekdays to two weekend days, and far fewer people at work at weekends
        assertTrue(daysByWeekend.get(false) > 10 * daysByWeekend.get(true), daysByWeekend::toString);
        assertFalse(ORGANISATION.windsurfSeats().stream().flatMap(seat -> seat.days().stream())
                .anyMatch(day -> day.date().isAfter(ANCHOR)));
    }

    @Test
    void teamsAndGroupsAreTheDocumentedOnes() {
        assertEquals(List.of("engineering", "platform", "data-science", "mobile"), ORGANISATION.windsurfGroups());
        assertTrue(ORGANISATION.windsurfSeats().stream().anyMatch(seat -> seat.group() == null));
        assertEquals(Set.copyOf(ORGANISATION.windsurfGroups()), ORGANISATION.windsurfSeats().stream()
                .map(WindsurfSeat::group).filter(group -> group != null).collect(Collectors.toSet()));
        assertEquals(1, ORGANISATION.tabnineTeams().stream().filter(TabnineTeam::defaultTeam).count());
        assertTrue(ORGANISATION.tabnineSeats().stream().anyMatch(seat -> seat.teamId() == null));
        assertTrue(ORGANISATION.tabnineTeams().stream()
                .noneMatch(team -> ORGANISATION.tabnineTeamMembers(team.id()).isEmpty()));
    }

    private static <S> Map<Lifecycle, Long> lifecycles(List<S> seats, Function<S, Lifecycle> lifecycle) {
        return seats.stream().collect(Collectors.groupingBy(lifecycle, () -> new EnumMap<>(Lifecycle.class),
                Collectors.counting()));
    }

    private static List<String> emails(DemoOrganisation organisation) {
        return organisation.windsurfSeats().stream().map(WindsurfSeat::email).toList();
    }
}
