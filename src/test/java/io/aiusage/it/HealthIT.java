package io.aiusage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The probes deploy/ uses answer UP on the packaged application, and readiness reports the configuration and each
 * vendor's breaker; an in-process cache (no Redis configured) leaves the Redis check no client to ask: UP.
 */
@QuarkusIntegrationTest
class HealthIT {

    @Test
    void startedAndLiveAreUp() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessReportsTheConfiguration() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'configuration' }.data.demo", equalTo(true))
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.configured'", equalTo(true))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.configured'", equalTo(true))
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.breaker'", equalTo("CLOSED"))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.breaker'", equalTo("CLOSED"))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.status", everyItem(equalTo("UP")))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.data", everyItem(nullValue()));
    }
}
