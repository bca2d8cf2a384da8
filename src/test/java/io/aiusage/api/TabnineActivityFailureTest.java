package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 9, acceptance 3: one Tabnine user's activity call failing with 503 no longer fails every Tabnine seat. That
 * user's activity is unknown (lastActiveAt null, status ACTIVE so the seat is never offered for reclaiming on missing
 * data), the other users are served, and errors[] carries one typed warning.
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class TabnineActivityFailureTest extends WireMockGraphQLTest {

    private static final String TABNINE_ACCOUNTS = "{ people(vendor: TABNINE) { nodes { email accounts { vendor "
            + "status lastActiveAt } } } }";

    private void failBobsActivity() {
        mocks.tabnine().stubFor(tabnine("/api/v2/user/usage").atPriority(1)
                .withQueryParam("userId", WireMock.equalTo(SmallOrg.T_BOB))
                .willReturn(json(503, "{\"error\": \"SERVICE_UNAVAILABLE\", \"status\": 503}")));
    }

    @Test
    void oneUsersFailedActivityCallLeavesTheOtherSeatsServedWithOneWarning() {
        failBobsActivity();

        graphql(TABNINE_ACCOUNTS)
                .body("data.people.nodes.email", hasSize(5))
                // alice's activity was read; frank and erin keep Tabnine's lifecycle; gina never used her seat
                .body("data.people.nodes.find { it.email == 'alice@x.com' }.accounts.find { it.vendor == 'TABNINE' }"
                        + ".lastActiveAt", notNullValue())
                .body("data.people.nodes.find { it.email == 'frank@y.org' }.accounts[0].status",
                        equalTo("DEACTIVATED"))
                .body("data.people.nodes.find { it.email == 'erin@y.org' }.accounts[0].status", equalTo("PENDING"))
                .body("data.people.nodes.find { it.email == 'gina@y.org' }.accounts[0].status", equalTo("NEVER_USED"))
                // bob's is unknown: no lastActiveAt, and ACTIVE rather than a reclaimable status
                .body("data.people.nodes.find { it.email == 'bob@x.com' }.accounts.find { it.vendor == 'TABNINE' }"
                        + ".lastActiveAt", nullValue())
                .body("data.people.nodes.find { it.email == 'bob@x.com' }.accounts.find { it.vendor == 'TABNINE' }"
                        + ".status", equalTo("ACTIVE"))
                .body("errors", hasSize(1))
                .body("errors[0].path", org.hamcrest.Matchers.contains("people"))
                .body("errors[0].extensions.code", equalTo("VENDOR_UNAVAILABLE"))
                .body("errors[0].extensions.vendor", equalTo("TABNINE"))
                .body("errors[0].extensions.warning", equalTo("PARTIAL"))
                .body("errors[0].message", containsString("activity of 1 user"));
    }

    @Test
    void theSeatReportCountsThatSeatAsActiveAndListsItNowhereToReclaim() {
        failBobsActivity();

        graphql("{ seats(idleAfterDays: 1) { utilization { vendor assigned active idle neverUsed } idle { email "
                + "vendor } neverUsed { email vendor } } }")
                .body("data.seats.utilization.find { it.vendor == 'TABNINE' }.assigned", equalTo(3))
                .body("data.seats.idle.findAll { it.vendor == 'TABNINE' }.email",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("bob@x.com")))
                .body("data.seats.neverUsed.findAll { it.vendor == 'TABNINE' }.email",
                        org.hamcrest.Matchers.contains("gina@y.org"))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.warning", equalTo("PARTIAL"));
    }
}
