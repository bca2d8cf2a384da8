package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application started with DEMO_ENABLED=true (set for every IT by the failsafe configuration) answers
 * through its real REST clients calling the built-in emulator, and serves GraphiQL.
 */
@QuarkusIntegrationTest
class VendorsIT {

    @Test
    void bothVendorsAreConfiguredHealthyAndInDemoMode() {
        given().contentType("application/json")
                .body("{\"query\":\"{ vendors { vendor configured demo healthy lastFetchedAt } }\"}")
                .post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.vendors.vendor", hasItems("WINDSURF", "TABNINE"))
                .body("data.vendors.configured", everyItem(equalTo(true)))
                .body("data.vendors.demo", everyItem(equalTo(true)))
                .body("data.vendors.healthy", everyItem(equalTo(true)));
    }

    @Test
    void graphiqlIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }
}
