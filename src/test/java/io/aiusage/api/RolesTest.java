package io.aiusage.api;

import static io.aiusage.api.SecuredRequests.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 11, acceptance 1 (roles) and build point 2: a viewer reads aggregates, and every personal field answers
 * null with a FORBIDDEN error naming the role it needs while the rest of the answer stays; a people-reader reads
 * both. The profile renames the personal-data role ({@link SecuredProfile#PEOPLE_READER}) and reads roles from
 * {@code realm_access/roles}.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class RolesTest extends WireMockGraphQLTest {

    private static final String DASHBOARD = "{ usage(window: " + SmallOrg.USAGE_WINDOW + ", granularity: TOTAL) "
            + "{ buckets { vendor completionsAccepted } } "
            + "seats { utilization { vendor assigned } idle { email } neverUsed { email } overlapping { email } } "
            + "people(first: 10) { totalCount nodes { email } } }";

    @InjectTokens
    TestTokens tokens;

    @Test
    void aViewerGetsUsageAndUtilizationButPeopleAnswersForbiddenWhileTheRestStays() {
        post(tokens.withRoles("viewer"), DASHBOARD).then().statusCode(200)
                .body("data.usage.buckets.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.usage.buckets.completionsAccepted", everyItem(notNullValue()))
                .body("data.seats.utilization.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.seats.utilization.assigned", everyItem(notNullValue()))
                .body("data.people", nullValue())
                .body("data.seats.idle", nullValue())
                .body("data.seats.neverUsed", nullValue())
                .body("data.seats.overlapping", nullValue())
                .body("errors", hasSize(4))
                .body("errors.extensions.code", everyItem(equalTo("FORBIDDEN")))
                .body("errors.path", hasItems(contains("people"), contains("seats", "idle"),
                        contains("seats", "neverUsed"), contains("seats", "overlapping")))
                .body("errors.message", everyItem(containsString("needs the " + SecuredProfile.PEOPLE_READER
                        + " role")));
    }

    @Test
    void aPeopleReaderGetsBoth() {
        post(tokens.withRoles(SecuredProfile.PEOPLE_READER), DASHBOARD).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.usage.buckets.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.seats.utilization.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.seats.neverUsed.email", hasItems("gina@y.org"))
                .body("data.seats.overlapping.email", hasItems("alice@x.com", "bob@x.com"))
                .body("data.people.totalCount", equalTo(7))
                .body("data.people.nodes.email", hasItems("alice@x.com", "gina@y.org"));
    }

    @Test
    void teamsStayForAViewerTheirMembersAndAPersonDoNot() {
        post(tokens.withRoles("viewer"), "{ teams(vendor: TABNINE) { name memberCount members { totalCount } } "
                + "person(email: \"alice@x.com\") { email } }").then().statusCode(200)
                .body("data.teams.name", hasItems("Backend", "Frontend"))
                .body("data.teams.members", everyItem(nullValue()))
                .body("data.person", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("FORBIDDEN")))
                .body("errors.path", hasItems(contains("person"), contains("teams", 0, "members")))
                .body("errors.message", hasItems(containsString("Team.members needs the "
                        + SecuredProfile.PEOPLE_READER + " role")));
    }

    @Test
    void aRefusedFieldAsksNoVendor() {
        post(tokens.withRoles("viewer"), "{ people { totalCount } }").then().statusCode(200)
                .body("data.people", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(0, mocks.windsurf().getAllServeEvents().size() + mocks.tabnine().getAllServeEvents().size());
    }

    @Test
    void aTokenWithNeitherRoleSeesNothingAndIsToldWhichRoleToAskFor() {
        post(tokens.withRoles("some-other-role"), "{ vendors { vendor } }").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", contains("vendors"))
                .body("errors[0].message", containsString("vendors needs the viewer role"))
                .body("errors[0].message", not(containsString(SecuredProfile.PEOPLE_READER)));
    }
}
