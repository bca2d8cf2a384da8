package io.aiusage.api;

import static io.aiusage.api.GraphQLRequests.graphql;
import static io.aiusage.api.SmallOrg.BACKEND;
import static io.aiusage.api.SmallOrg.FRONTEND;
import static io.aiusage.api.SmallOrg.T_ALICE;
import static io.aiusage.api.SmallOrg.T_BOB;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** People merged across both vendors, their accounts, pagination and filters, over {@link SmallOrg}. */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class PeopleGraphQLTest extends WireMockGraphQLTest {

    private static final String ALL_IDS = "alice@x.com bob@x.com carol@x.com dave@x.com erin@y.org frank@y.org "
            + "gina@y.org";

    @Test
    void peopleAreMergedByTrimmedLowerCasedEmailWithWindsurfNamesFirst() {
        graphql("""
                { people { totalCount pageInfo { hasNextPage }
                           nodes { id email name vendors lastActiveAt accounts { vendor accountId email name } } } }""")
                // 4 Windsurf + 5 Tabnine accounts; alice and bob hold one of each: 9 - 2 = 7 people
                .body("data.people.totalCount", equalTo(7))
                .body("data.people.pageInfo.hasNextPage", equalTo(false))
                .body("data.people.nodes.id", contains(ids(ALL_IDS).toArray()))
                .body("data.people.nodes.email", contains(ids(ALL_IDS).toArray()))
                // bob has no Windsurf name, so his Tabnine username is used
                .body("data.people.nodes.name", contains("Alice Archer", "Bob Brown", "Carol Chen", "Dave Diaz",
                        "Erin Evans", "Frank Fox", "Gina Gray"))
                .body("data.people.nodes.vendors", contains(List.of("WINDSURF", "TABNINE"),
                        List.of("WINDSURF", "TABNINE"), List.of("WINDSURF"), List.of("WINDSURF"), List.of("TABNINE"),
                        List.of("TABNINE"), List.of("TABNINE")))
                .body("data.people.nodes.collect { it.accounts.size() }", contains(2, 2, 1, 1, 1, 1, 1))
                // accounts keep the e-mail as each vendor stores it
                .body("data.people.nodes[0].accounts.email", contains("Alice@X.com", "  ALICE@x.com "))
                .body("data.people.nodes[0].accounts.accountId", contains("wskey-alice", T_ALICE))
                .body("data.people.nodes[0].accounts.name", contains("Alice Archer", "alice.t"))
                .body("data.people.nodes[1].accounts.email", contains("bob@x.com", "Bob@X.COM "))
                .body("data.people.nodes[1].accounts.accountId", contains("wskey-bob", T_BOB))
                .body("data.people.nodes[1].accounts.name", contains(null, "Bob Brown"))
                // latest activity over all accounts: alice's Windsurf update beats her Tabnine day; bob's Tabnine
                // day (today-3) beats his Windsurf use (today-40); Tabnine activity has day precision
                .body("data.people.nodes.lastActiveAt", contains(today.minusDays(1) + "T12:00:00.771591Z",
                        today.minusDays(3) + "T00:00:00Z", null, today.minusDays(5) + "T10:00:00Z", null,
                        today.minusDays(20) + "T00:00:00Z", null));
    }

    @Test
    void personIsFoundByEmailInAnyCaseWithSurroundingSpaces() {
        graphql("""
                { a: person(email: "  Alice@X.COM ") { id name vendors }
                  b: person(email: "BOB@x.com") { id accounts { vendor } }
                  nobody: person(email: "nobody@x.com") { id } }""")
                .body("data.a.id", equalTo("alice@x.com"))
                .body("data.a.name", equalTo("Alice Archer"))
                .body("data.a.vendors", contains("WINDSURF", "TABNINE"))
                .body("data.b.id", equalTo("bob@x.com"))
                .body("data.b.accounts.vendor", contains("WINDSURF", "TABNINE"))
                .body("data.nobody", nullValue())
                .body("errors", nullValue());
    }

    @Test
    void windsurfAccountFieldsComeThroughTheInlineFragment() {
        JsonPath json = graphql("""
                { people(vendor: WINDSURF) { nodes { accounts {
                    __typename vendor accountId status role lastActiveAt teams { id }
                    ... on WindsurfAccount { apiKeyHash activeDays promptCreditsUsed disabled teamStatus signupAt
                                             lastAutocompleteAt lastCascadeAt lastCommandAt } } } } }""")
                .extract().jsonPath();
        Map<String, Object> alice = account(json, "wskey-alice");
        assertEquals("WindsurfAccount", alice.get("__typename"));
        assertEquals("ACTIVE", alice.get("status"));
        assertEquals("admin", alice.get("role"));
        assertEquals("wskey-alice", alice.get("apiKeyHash"));
        assertEquals(12, alice.get("activeDays"));
        assertEquals(1500, alice.get("promptCreditsUsed"));
        assertEquals(false, alice.get("disabled"));
        assertEquals("USER_TEAM_STATUS_APPROVED", alice.get("teamStatus"));
        assertEquals("2024-01-15T08:30:00Z", alice.get("signupAt"));
        assertEquals(today.minusDays(1) + "T12:00:00Z", alice.get("lastAutocompleteAt"));
        assertEquals(today.minusDays(3) + "T09:00:00Z", alice.get("lastCascadeAt"));
        assertEquals(null, alice.get("lastCommandAt"));
        assertEquals(List.of(Map.of("id", "WINDSURF:engineering")), alice.get("teams"));

        // last use 40 days ago: IDLE at the 30-day default; Windsurf leaves zero credits out, read as 0
        Map<String, Object> bob = account(json, "wskey-bob");
        assertEquals("IDLE", bob.get("status"));
        assertEquals(3, bob.get("activeDays"));
        assertEquals(0, bob.get("promptCreditsUsed"));
        assertEquals(today.minusDays(41) + "T16:30:00Z", bob.get("lastCommandAt"));
        assertEquals(List.of(Map.of("id", "WINDSURF:engineering"), Map.of("id", "WINDSURF:platform")),
                bob.get("teams"));

        // an open invitation has no API key, so the e-mail is its account id
        Map<String, Object> carol = account(json, "carol@x.com");
        assertEquals("PENDING", carol.get("status"));
        assertEquals("USER_TEAM_STATUS_PENDING", carol.get("teamStatus"));
        assertEquals(null, carol.get("apiKeyHash"));
        assertEquals(null, carol.get("lastActiveAt"));

        // disabled by an admin: DEACTIVATED although used five days ago
        Map<String, Object> dave = account(json, "wskey-dave");
        assertEquals("DEACTIVATED", dave.get("status"));
        assertEquals(true, dave.get("disabled"));
        assertEquals(today.minusDays(5) + "T10:00:00Z", dave.get("lastActiveAt"));
        assertEquals(List.of(), dave.get("teams"));
    }

    @Test
    void tabnineAccountFieldsComeThroughTheInlineFragment() {
        JsonPath json = graphql("""
                { people(vendor: TABNINE) { nodes { accounts {
                    __typename vendor accountId status role lastActiveAt teams { id name }
                    ... on TabnineAccount { verified active deactivatedAt } } } } }""")
                .extract().jsonPath();
        Map<String, Object> alice = account(json, T_ALICE);
        assertEquals("TabnineAccount", alice.get("__typename"));
        assertEquals("ACTIVE", alice.get("status"));
        assertEquals("Member", alice.get("role"));
        assertEquals(true, alice.get("verified"));
        assertEquals(true, alice.get("active"));
        assertEquals(null, alice.get("deactivatedAt"));
        // the last day with activeUsers > 0 in her daily series
        assertEquals(today.minusDays(1) + "T00:00:00Z", alice.get("lastActiveAt"));
        assertEquals(List.of(Map.of("id", BACKEND, "name", "Backend")), alice.get("teams"));

        Map<String, Object> erin = account(json, SmallOrg.T_ERIN);
        assertEquals("PENDING", erin.get("status"));
        assertEquals(false, erin.get("verified"));
        assertEquals(true, erin.get("active"));

        Map<String, Object> frank = account(json, SmallOrg.T_FRANK);
        assertEquals("DEACTIVATED", frank.get("status"));
        assertEquals(false, frank.get("active"));
        assertEquals("2025-01-15T10:00:00Z", frank.get("deactivatedAt"));
        assertEquals(List.of(Map.of("id", FRONTEND, "name", "Frontend")), frank.get("teams"));

        // a zero-activity day in her series is not activity
        Map<String, Object> gina = account(json, SmallOrg.T_GINA);
        assertEquals("NEVER_USED", gina.get("status"));
        assertEquals("Manager", gina.get("role"));
        assertEquals(null, gina.get("lastActiveAt"));
        assertEquals(List.of(), gina.get("teams"));
    }

    @Test
    void everyAccountHasTheStatusOfItsVendorLifecycleOrActivity() {
        graphql("{ people { nodes { accounts { status } } } }")
                // alice W+T, bob W+T, carol W, dave W, erin T, frank T, gina T
                .body("data.people.nodes.accounts.flatten().status", contains("ACTIVE", "ACTIVE", "IDLE", "ACTIVE",
                        "PENDING", "DEACTIVATED", "PENDING", "DEACTIVATED", "NEVER_USED"));
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsOrGaps() {
        assertEquals(List.of(ids("alice@x.com bob@x.com"), ids("carol@x.com dave@x.com"),
                ids("erin@y.org frank@y.org"), ids("gina@y.org")), pages(""));
        // the cursor also walks a filtered list: Tabnine holders only
        assertEquals(List.of(ids("alice@x.com bob@x.com"), ids("erin@y.org frank@y.org"), ids("gina@y.org")),
                pages("vendor: TABNINE"));
    }

    /** Every page of {@code people(first: 2, <filters>)}, checking totalCount and hasNextPage on each. */
    private List<List<String>> pages(String filters) {
        String query = "query($after: String) { people(first: 2, after: $after" + (filters.isEmpty() ? "" : ", ")
                + filters + ") { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }";
        List<List<String>> pages = new ArrayList<>();
        Integer total = null;
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonPath page = graphql(query, variables).body("errors", nullValue()).extract().jsonPath();
            List<String> ids = page.getList("data.people.nodes.id");
            pages.add(ids);
            int pageTotal = page.getInt("data.people.totalCount");
            assertEquals(total == null ? pageTotal : total, pageTotal, "totalCount is the same on every page");
            total = pageTotal;
            more = page.getBoolean("data.people.pageInfo.hasNextPage");
            after = page.getString("data.people.pageInfo.endCursor");
            if (pages.size() > 10) {
                throw new AssertionError("pagination does not end: " + pages);
            }
        }
        assertEquals(total, pages.stream().mapToInt(List::size).sum(), "the pages hold totalCount people");
        return pages;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "vendor: WINDSURF                                  | alice@x.com bob@x.com carol@x.com dave@x.com",
            "vendor: TABNINE                                   | alice@x.com bob@x.com erin@y.org frank@y.org gina@y.org",
            "team: \"WINDSURF:platform\"                       | bob@x.com carol@x.com",
            "team: \"" + BACKEND + "\"                          | alice@x.com bob@x.com",
            "status: PENDING                                   | carol@x.com erin@y.org",
            "status: DEACTIVATED                               | dave@x.com frank@y.org",
            "status: IDLE                                      | bob@x.com",
            "status: NEVER_USED                                | gina@y.org",
            // bob is idle on Windsurf but active on Tabnine
            "status: ACTIVE                                    | alice@x.com bob@x.com",
            // name substring, any case
            "search: \"ARCH\"                                  | alice@x.com",
            // e-mail substring, any case, surrounding spaces ignored
            "search: \" Y.Org \"                               | erin@y.org frank@y.org gina@y.org",
            // bob's only name is his Tabnine username
            "search: \"brown\"                                 | bob@x.com",
            // any account's name counts, not only the one the person is shown with
            "search: \"alice.T\"                               | alice@x.com",
            "search: \"nobody\"                                | ''",
            // combined filters hold on one account: bob's ACTIVE seat is not his Windsurf one
            "vendor: WINDSURF, status: ACTIVE                  | alice@x.com",
            "team: \"WINDSURF:engineering\", status: IDLE      | bob@x.com",
            "team: \"WINDSURF:engineering\", status: ACTIVE    | alice@x.com",
            "vendor: TABNINE, status: IDLE                     | ''",
            "vendor: TABNINE, status: PENDING, search: \"y.org\" | erin@y.org",
            "team: \"" + FRONTEND + "\", search: \"FOX\"         | frank@y.org" })
    void filtersSelectExactlyTheMatchingPeople(String filters, String expected) {
        List<String> ids = ids(expected);
        graphql("{ people(" + filters + ") { totalCount nodes { id } } }")
                .body("errors", nullValue())
                .body("data.people.totalCount", equalTo(ids.size()))
                .body("data.people.nodes.id", equalTo(ids));
    }

    private static List<String> ids(String spaced) {
        return spaced.isBlank() ? List.of() : Arrays.asList(spaced.strip().split("\\s+"));
    }

    /** The account with this id among every node's accounts. */
    private static Map<String, Object> account(JsonPath json, String accountId) {
        return json.getMap("data.people.nodes.accounts.flatten().find { it.accountId == '" + accountId + "' }");
    }
}
