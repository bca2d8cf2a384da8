package io.aiusage.demo.tabnine;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.aiusage.config.DemoConfig;
import io.restassured.response.ValidatableResponse;

/** Calls the emulated Tabnine the way a client does: GET with a Bearer token. */
final class TabnineApi {

    private TabnineApi() {
    }

    static ValidatableResponse get(String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + DemoConfig.TABNINE_TOKEN).queryParams(query)
                .when().get("/demo/tabnine/api/" + path)
                .then();
    }

    static ValidatableResponse get(String path) {
        return get(path, Map.of());
    }

    static String organizationId() {
        return get("v1/organization").statusCode(200).extract().path("id");
    }
}
