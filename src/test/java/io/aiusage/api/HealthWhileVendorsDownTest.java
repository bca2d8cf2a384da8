package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.aiusage.api.GraphQLRequests.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, acceptance 3, first half. A vendor being down never takes the pod out of service: with Windsurf answering
 * 503 to everything and Tabnine dropping every connection, liveness and readiness stay UP (the service still answers,
 * with errors[]), and readiness reports the configuration, each vendor's breaker and last successful call as data
 * (an open breaker, also UP: {@code PolicyOpsTest}). With the in-process cache (no Redis configured) the Redis check
 * has no client to ask and stays UP ({@code ops.RedisReadinessTest}: a configured, unreachable Redis makes it DOWN).
 */
@QuarkusTest
@TestProfile(VendorsWireMockProfile.class)
class HealthWhileVendorsDownTest extends WireMockGraphQLTest {

    @Test
    void liveAndReadyStayUpWhileBothVendorsAreDown() {
        mocks.resetAll();
        mocks.windsurf().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        mocks.tabnine().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        graphql("{ vendors { healthy } people { totalCount } }")
                .body("data.vendors.healthy", everyItem(equalTo(false)))
                .body("errors", hasSize(2));

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'configuration' }.data.demo", equalTo(false))
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.configured'", equalTo(true))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.configured'", equalTo(true))
                .body("checks.find { it.name == 'configuration' }.data.'windsurf.breaker'", equalTo("CLOSED"))
                .body("checks.find { it.name == 'configuration' }.data.'tabnine.breaker'", equalTo("CLOSED"))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.status", everyItem(equalTo("UP")))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.data", everyItem(nullValue()));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
