package io.aiusage.demo;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The call counters are part of the emulator: with demo mode off they are not served either. */
@QuarkusTest
@TestProfile(DemoDisabledTest.DemoOff.class)
class EmulatorCallsDisabledTest {

    @Test
    void theCountersAreNotFound() {
        given().get("/demo/calls").then().statusCode(404);
        given().delete("/demo/calls").then().statusCode(404);
    }
}
