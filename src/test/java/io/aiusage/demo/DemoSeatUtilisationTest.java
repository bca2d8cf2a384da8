package io.aiusage.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The gateway's seat report over the demo organisation tells the two vendors apart, as a real organisation's would.
 * <p>
 * It runs on the default demo (300 people, seed 42, anchored today) rather than {@link PinnedDemoProfile}: the
 * gateway measures idleness against its own clock and reads Tabnine activity over a lookback ending today, so an
 * organisation anchored in the past would read as idle or never used. How many seats of each lifecycle a vendor has
 * depends only on the number of people and the seed, not on the anchor date, so these figures are exact on any day.
 */
@QuarkusTest
class DemoSeatUtilisationTest {

    @Test
    void theVendorsSeatUtilisationDiffers() {
        JsonPath json = given().contentType("application/json")
                .body(Map.of("query", "{ seats { utilization { vendor assigned active idle neverUsed pending "
                        + "deactivated } } }"))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), json::prettify);
        List<Map<String, Object>> utilization = json.getList("data.seats.utilization");

        // Windsurf, the larger roll-out: 225 seats, few of them unused
        Map<String, Object> windsurf = Map.of("vendor", "WINDSURF", "assigned", 204, "active", 175, "idle", 18,
                "neverUsed", 11, "pending", 7, "deactivated", 14);
        // Tabnine: 180 users, more of them invited but not joined, never used or idle
        Map<String, Object> tabnine = Map.of("vendor", "TABNINE", "assigned", 155, "active", 103, "idle", 27,
                "neverUsed", 25, "pending", 18, "deactivated", 7);
        assertEquals(List.of(windsurf, tabnine), utilization);
        assertNotEquals(figures(utilization.get(0)), figures(utilization.get(1)));
    }

    /** The seat counts of one vendor's row, without the vendor. */
    private static Map<String, Object> figures(Map<String, Object> utilization) {
        Map<String, Object> figures = new HashMap<>(utilization);
        figures.remove("vendor");
        return figures;
    }
}
