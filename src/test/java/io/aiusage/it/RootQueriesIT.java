package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every root query of the public contract (vendors is in {@link VendorsIT}) against the packaged application in demo
 * mode, through its real REST clients and the built-in emulator: each answers with data and no error.
 */
@QuarkusIntegrationTest
class RootQueriesIT {

    static ValidatableResponse query(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).post("/graphql")
                .then().statusCode(200).body("errors", nullValue());
    }

    /** The last seven whole UTC days. */
    static String lastWeek() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return "{from: \"" + tomorrow.minusDays(7) + "T00:00:00Z\", to: \"" + tomorrow + "T00:00:00Z\"}";
    }

    @Test
    void people() {
        query("{ people(first: 5) { totalCount nodes { id email vendors } pageInfo { hasNextPage endCursor } } }")
                .body("data.people.totalCount", greaterThan(5))
                .body("data.people.nodes", hasSize(5))
                .body("data.people.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void person() {
        String email = query("{ people(first: 1, vendor: TABNINE) { nodes { email } } }")
                .extract().path("data.people.nodes[0].email");
        query("{ person(email: \" " + email.toUpperCase() + " \") { id email accounts { vendor status } } }")
                .body("data.person.id", equalTo(email))
                .body("data.person.accounts.vendor", hasItems("TABNINE"));
    }

    @Test
    void teams() {
        query("{ teams { id vendor name memberCount } }")
                .body("data.teams.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.teams.name", everyItem(notNullValue()));
    }

    @Test
    void team() {
        String id = query("{ teams(vendor: TABNINE) { id } }").extract().path("data.teams[0].id");
        query("{ team(id: \"" + id + "\") { id vendor members(first: 3) { totalCount nodes { email } } } }")
                .body("data.team.id", equalTo(id))
                .body("data.team.vendor", equalTo("TABNINE"))
                .body("data.team.members.totalCount", greaterThan(0));
    }

    @Test
    void usage() {
        query("{ usage(window: " + lastWeek() + ", granularity: TOTAL) { granularity buckets { vendor activeUsers }"
                + " freshness { vendor } } }")
                .body("data.usage.granularity", equalTo("TOTAL"))
                .body("data.usage.buckets.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.usage.freshness.vendor", hasItems("WINDSURF", "TABNINE"));
    }

    @Test
    void seats() {
        query("{ seats { utilization { vendor assigned active } overlapping { email } } }")
                .body("data.seats.utilization.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.seats.utilization.assigned", everyItem(greaterThan(0)))
                .body("data.seats.overlapping", hasSize(greaterThan(0)));
    }
}
