package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** The seat report over {@link SmallOrg}: counts per vendor, reclaimable seats, people paying twice. */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class SeatsGraphQLTest extends WireMockGraphQLTest {

    private static ValidatableResponse seats(String args) {
        return graphql("{ seats" + args + " { utilization { vendor assigned active idle pending deactivated neverUsed } "
                + "idle { vendor email status lastActiveAt } neverUsed { vendor email status } "
                + "overlapping { id vendors } freshness { vendor cached stale } } }")
                .body("errors", nullValue());
    }

    @Test
    void defaultThresholdOfThirtyDays() {
        seats("")
                .body("data.seats.utilization.vendor", contains("WINDSURF", "TABNINE"))
                // Windsurf: alice ACTIVE, bob IDLE (40 days), carol PENDING, dave DEACTIVATED
                .body("data.seats.utilization[0].assigned", equalTo(2))
                .body("data.seats.utilization[0].active", equalTo(1))
                .body("data.seats.utilization[0].idle", equalTo(1))
                .body("data.seats.utilization[0].pending", equalTo(1))
                .body("data.seats.utilization[0].deactivated", equalTo(1))
                .body("data.seats.utilization[0].neverUsed", equalTo(0))
                // Tabnine: alice and bob ACTIVE, erin PENDING, frank DEACTIVATED, gina NEVER_USED
                .body("data.seats.utilization[1].assigned", equalTo(3))
                .body("data.seats.utilization[1].active", equalTo(2))
                .body("data.seats.utilization[1].idle", equalTo(0))
                .body("data.seats.utilization[1].pending", equalTo(1))
                .body("data.seats.utilization[1].deactivated", equalTo(1))
                .body("data.seats.utilization[1].neverUsed", equalTo(1))
                .body("data.seats.idle.vendor", contains("WINDSURF"))
                .body("data.seats.idle.email", contains("bob@x.com"))
                .body("data.seats.idle.status", contains("IDLE"))
                .body("data.seats.neverUsed.vendor", contains("TABNINE"))
                .body("data.seats.neverUsed.email", contains("gina@y.org"))
                // assigned on both vendors: alice and bob (carol, dave, erin, frank, gina hold one seat each)
                .body("data.seats.overlapping.id", contains("alice@x.com", "bob@x.com"))
                .body("data.seats.overlapping.vendors", contains(List.of("WINDSURF", "TABNINE"),
                        List.of("WINDSURF", "TABNINE")))
                .body("data.seats.freshness.vendor", contains("WINDSURF", "TABNINE"))
                .body("data.seats.freshness.stale", contains(false, false));
    }

    @Test
    void aLongerThresholdMakesBobsWindsurfSeatActiveAgain() {
        seats("(idleAfterDays: 60)")
                // bob's Windsurf use 40 days ago is within 60 days
                .body("data.seats.utilization[0].assigned", equalTo(2))
                .body("data.seats.utilization[0].active", equalTo(2))
                .body("data.seats.utilization[0].idle", equalTo(0))
                .body("data.seats.utilization[1].active", equalTo(2))
                .body("data.seats.utilization[1].idle", equalTo(0))
                .body("data.seats.idle", empty())
                // lifecycle and never-used seats do not depend on the threshold
                .body("data.seats.utilization[0].pending", equalTo(1))
                .body("data.seats.utilization[0].deactivated", equalTo(1))
                .body("data.seats.neverUsed.email", contains("gina@y.org"))
                .body("data.seats.overlapping.id", contains("alice@x.com", "bob@x.com"));
    }

    @Test
    void aShortThresholdAlsoIdlesBobsTabnineSeatMostRecentFirst() {
        seats("(idleAfterDays: 2)")
                // alice: Windsurf today-1 12:00, Tabnine today-1 00:00, both under 2 days ago; bob's Tabnine day
                // (today-3) is now older than 2 days
                .body("data.seats.utilization[0].active", equalTo(1))
                .body("data.seats.utilization[0].idle", equalTo(1))
                .body("data.seats.utilization[1].active", equalTo(1))
                .body("data.seats.utilization[1].idle", equalTo(1))
                .body("data.seats.idle.vendor", contains("TABNINE", "WINDSURF"))
                .body("data.seats.idle.email", contains("Bob@X.COM ", "bob@x.com"))
                .body("data.seats.idle.lastActiveAt", contains(today.minusDays(3) + "T00:00:00Z",
                        today.minusDays(40) + "T08:00:00Z"))
                // still an assigned seat on both vendors
                .body("data.seats.overlapping.id", contains("alice@x.com", "bob@x.com"));
    }
}
