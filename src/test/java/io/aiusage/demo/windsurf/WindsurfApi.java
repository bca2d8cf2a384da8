package io.aiusage.demo.windsurf;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.aiusage.config.DemoConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the emulated Windsurf the way a client does: POST, JSON, the service key in the body. */
final class WindsurfApi {

    private WindsurfApi() {
    }

    static ValidatableResponse post(String endpoint, Map<String, ?> body) {
        Map<String, Object> withKey = new HashMap<>(body);
        withKey.putIfAbsent("service_key", DemoConfig.WINDSURF_SERVICE_KEY);
        return postRaw(endpoint, withKey);
    }

    static ValidatableResponse postRaw(String endpoint, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/demo/windsurf/api/v1/" + endpoint)
                .then();
    }

    static Map<String, Object> query(String dataSource, Object selections, Object... more) {
        Map<String, Object> query = new HashMap<>();
        query.put("data_source", dataSource);
        query.put("selections", selections);
        for (int i = 0; i < more.length; i += 2) {
            query.put((String) more[i], more[i + 1]);
        }
        return query;
    }

    static Map<String, String> selection(String field, String function) {
        return function == null ? Map.of("field", field) : Map.of("field", field, "aggregation_function", function);
    }
}
