package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * With no environment at all (the dev/test default), demo mode wires both vendors to the emulator through the real
 * REST clients: both are configured, in demo mode and healthy, and GraphiQL is served.
 */
@QuarkusTest
class VendorsGraphQLTest {

    @Test
    void bothVendorsAnswerFromTheEmulatorWithoutCredentials() {
        given().contentType("application/json")
                .body(Map.of("query", "{ vendors { vendor configured demo healthy lastFetchedAt rateLimitedUntil } }"))
                .post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.vendors.vendor", contains("WINDSURF", "TABNINE"))
                .body("data.vendors.configured", everyItem(equalTo(true)))
                .body("data.vendors.demo", everyItem(equalTo(true)))
                .body("data.vendors.healthy", everyItem(equalTo(true)))
                // the health check itself fetched from each vendor
                .body("data.vendors.lastFetchedAt", everyItem(notNullValue()))
                .body("data.vendors.rateLimitedUntil", everyItem(nullValue()));
    }

    @Test
    void graphiqlIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }
}
