package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.SmallOrg.BACKEND;
import static io.aiusage.api.SmallOrg.FRONTEND;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Teams of both vendors over {@link SmallOrg}: listing, member counts, utilisation and members. */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class TeamsGraphQLTest extends WireMockGraphQLTest {

    @Test
    void teamsOfBothVendorsWithTheirUtilization() {
        graphql("{ teams { id vendor name memberCount "
                + "utilization { vendor assigned active idle pending deactivated neverUsed } } }")
                .body("errors", nullValue())
                // by vendor, then name (Tabnine lists Frontend before Backend)
                .body("data.teams.id", contains("WINDSURF:engineering", "WINDSURF:platform", BACKEND, FRONTEND))
                .body("data.teams.vendor", contains("WINDSURF", "WINDSURF", "TABNINE", "TABNINE"))
                .body("data.teams.name", contains("engineering", "platform", "Backend", "Frontend"))
                // Windsurf: rows UserPageAnalytics returns for the group; Tabnine: usersCount
                .body("data.teams.memberCount", contains(2, 2, 2, 2))
                .body("data.teams.utilization.vendor", contains("WINDSURF", "WINDSURF", "TABNINE", "TABNINE"))
                // engineering: alice ACTIVE, bob IDLE; platform: bob IDLE, carol PENDING;
                // Backend: alice and bob ACTIVE; Frontend: erin PENDING, frank DEACTIVATED
                .body("data.teams.utilization.assigned", contains(2, 1, 2, 0))
                .body("data.teams.utilization.active", contains(1, 0, 2, 0))
                .body("data.teams.utilization.idle", contains(1, 1, 0, 0))
                .body("data.teams.utilization.pending", contains(0, 1, 0, 1))
                .body("data.teams.utilization.deactivated", contains(0, 0, 0, 1))
                .body("data.teams.utilization.neverUsed", contains(0, 0, 0, 0));
    }

    @Test
    void teamsOfOneVendor() {
        graphql("{ teams(vendor: TABNINE) { id } }")
                .body("data.teams.id", contains(BACKEND, FRONTEND));
    }

    @Test
    void oneTeamWithItsMembers() {
        graphql("{ team(id: \"WINDSURF:platform\") { name members { totalCount nodes { id vendors } } } }")
                .body("errors", nullValue())
                .body("data.team.name", equalTo("platform"))
                .body("data.team.members.totalCount", equalTo(2))
                .body("data.team.members.nodes.id", contains("bob@x.com", "carol@x.com"))
                .body("data.team.members.nodes.vendors", contains(List.of("WINDSURF", "TABNINE"),
                        List.of("WINDSURF")));
        graphql("{ team(id: \"" + FRONTEND + "\") { name members(first: 1) { totalCount nodes { id } "
                + "pageInfo { hasNextPage } } } }")
                .body("errors", nullValue())
                .body("data.team.name", equalTo("Frontend"))
                .body("data.team.members.totalCount", equalTo(2))
                .body("data.team.members.nodes.id", contains("erin@y.org"))
                .body("data.team.members.pageInfo.hasNextPage", equalTo(true));
        graphql("{ team(id: \"TABNINE:no-such-team\") { id } }")
                .body("errors", nullValue())
                .body("data.team", nullValue());
    }
}
