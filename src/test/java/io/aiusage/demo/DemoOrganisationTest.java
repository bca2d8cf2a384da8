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
        assertEquals(120, both);
        assertEquals(210, windsurf.size());
        assertEquals(210, tabnine.size());
        // a few Tabnine spellings differ from the Windsurf ones, only by case or surrounding spaces
        List<String> respelled = ORGANISATION.tabnineSeats().stream().map(TabnineSeat::email)
                .filter(email -> !email.equals(DemoOrganisation.normalise(email))).toList();
        assertTrue(respelled.stream().anyMatch(email -> !email.equals(email.toLowerCase())), respelled::toString);
        assertTrue(respelled.stream().anyMatch(email -> !email.equals(email.strip())), respelled::toString);
        assertTrue(respelled.stream().allMatch(email -> windsurf.contains(DemoOrganisation.normalise(email))));
    }

    @Test
    void everyLifecycleIsRepresentedOnBothVendors() {
        Map<Lifecycle, Long> windsurf = ORGANISATION.windsurfSeats().stream()
                .collect(Collectors.groupingBy(WindsurfSeat::lifecycle, () -> new EnumMap<>(Lifecycle.class),
                        Collectors.counting()));
        Map<Lifecycle, Long> tabnine = ORGANISATION.tabnineSeats().stream()
                .collect(Collectors.groupingBy(TabnineSeat::lifecycle, () -> new EnumMap<>(Lifecycle.class),
                        Collectors.counting()));
        assertEquals(Set.of(Lifecycle.values()), windsurf.keySet());
        assertEquals(Set.of(Lifecycle.values()), tabnine.keySet());
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

    private static List<String> emails(DemoOrganisation organisation) {
        return organisation.windsurfSeats().stream().map(WindsurfSeat::email).toList();
    }
}
