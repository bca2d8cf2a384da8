package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Merging people across vendors, seat status derivation and counting, without any vendor. */
class SeatsAndPeopleTest {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    static WindsurfAccount windsurf(String email, SeatStatus status, Instant lastActive) {
        return new WindsurfAccount(Vendor.WINDSURF, "key-" + email, email, "WS " + email, "member", status, lastActive,
                List.of(), "key-" + email, 0, 0, null, null, null, null, false, "USER_TEAM_STATUS_APPROVED");
    }

    static TabnineAccount tabnine(String email, SeatStatus status, Instant lastActive) {
        return new TabnineAccount(Vendor.TABNINE, "uuid-" + email, email, null, "Member", status, lastActive,
                List.of(), true, true, null);
    }

    @Test
    void peopleMergeByTrimmedLowerCasedEmailAndSortById() {
        List<Person> people = PeopleService.merge(List.of(
                tabnine("  Bob@Example.com ", SeatStatus.ACTIVE, NOW.minusSeconds(60)),
                windsurf("alice@example.com", SeatStatus.ACTIVE, NOW.minusSeconds(3600)),
                windsurf("bob@example.com", SeatStatus.IDLE, NOW.minusSeconds(86400 * 40))));
        assertEquals(List.of("alice@example.com", "bob@example.com"), people.stream().map(Person::id).toList());
        Person bob = people.get(1);
        assertEquals(List.of(Vendor.WINDSURF, Vendor.TABNINE), bob.vendors());
        assertEquals("WS bob@example.com", bob.name(), "the first named account (vendor order) names the person");
        assertEquals(NOW.minusSeconds(60), bob.lastActiveAt(), "latest activity over all accounts");
    }

    @Test
    void onlyPeopleOnSeveralVendorsAreBuiltForOverlapsInMergeOrder() {
        List<VendorAccount> accounts = List.of(
                tabnine("zoe@example.com", SeatStatus.ACTIVE, NOW),
                windsurf("Zoe@Example.com", SeatStatus.IDLE, NOW.minusSeconds(86400 * 40)),
                windsurf("solo@example.com", SeatStatus.ACTIVE, NOW),
                windsurf("twice@example.com", SeatStatus.ACTIVE, NOW),
                windsurf("TWICE@example.com", SeatStatus.ACTIVE, NOW),
                tabnine("amy@example.com", SeatStatus.NEVER_USED, null),
                windsurf(" amy@example.com", SeatStatus.ACTIVE, NOW));

        List<Person> overlapping = PeopleService.onSeveralVendors(accounts);

        // two accounts on one vendor (twice@) are no overlap; the people are those of merge, in its order
        assertEquals(List.of("amy@example.com", "zoe@example.com"), overlapping.stream().map(Person::id).toList());
        assertEquals(PeopleService.merge(accounts).stream().filter(p -> p.vendors().size() > 1).toList(),
                overlapping);
    }

    @Test
    void personWithoutAnyActivityHasNoLastActiveAt() {
        Person p = PeopleService.merge(List.of(tabnine("x@example.com", SeatStatus.NEVER_USED, null))).get(0);
        assertNull(p.lastActiveAt());
    }

    @Test
    void idleThresholdIsReappliedButLifecycleStatesStay() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        VendorAccount tenDaysAgo = windsurf("a@x.io", SeatStatus.ACTIVE, NOW.minusSeconds(86400 * 10));
        assertEquals(SeatStatus.IDLE, PeopleService.withIdleThreshold(tenDaysAgo, clock, 7).status());
        assertEquals(SeatStatus.ACTIVE, PeopleService.withIdleThreshold(tenDaysAgo, clock, 30).status());
        VendorAccount pending = tabnine("p@x.io", SeatStatus.PENDING, null);
        assertEquals(SeatStatus.PENDING, PeopleService.withIdleThreshold(pending, clock, 7).status());
    }

    @Test
    void utilizationCountsEachSeatOnceAndAssignedExcludesLifecycleStates() {
        SeatUtilization u = SeatService.count(Vendor.TABNINE, List.of(
                tabnine("a@x", SeatStatus.ACTIVE, NOW), tabnine("b@x", SeatStatus.ACTIVE, NOW),
                tabnine("c@x", SeatStatus.IDLE, NOW), tabnine("d@x", SeatStatus.NEVER_USED, null),
                tabnine("e@x", SeatStatus.PENDING, null), tabnine("f@x", SeatStatus.DEACTIVATED, null)));
        assertEquals(new SeatUtilization(Vendor.TABNINE, 4, 2, 1, 1, 1, 1), u);
    }
}
