package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every type, field, argument, input field and enum value of the API explains itself in GraphiQL. */
@QuarkusTest
class SchemaDescriptionsTest {

    static final String INTROSPECTION = "{ __schema { types { name kind description "
            + "fields { name description args { name description } } inputFields { name description } "
            + "enumValues { name description } } } }";

    @Test
    void everythingOfOursHasADescription() {
        List<Map<String, Object>> types = given().contentType("application/json")
                .body(Map.of("query", INTROSPECTION)).post("/graphql")
                .then().statusCode(200).extract().jsonPath().getList("data.__schema.types");
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> type : types) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || "SCALAR".equals(type.get("kind"))) {
                continue;
            }
            if (!"Query".equals(name)) {
                check(type, name, missing);
            }
            for (Map<String, Object> field : list(type, "fields")) {
                check(field, name + "." + field.get("name"), missing);
                for (Map<String, Object> arg : list(field, "args")) {
                    check(arg, name + "." + field.get("name") + "(" + arg.get("name") + ")", missing);
                }
            }
            for (Map<String, Object> field : list(type, "inputFields")) {
                check(field, name + "." + field.get("name"), missing);
            }
            for (Map<String, Object> value : list(type, "enumValues")) {
                check(value, name + "." + value.get("name"), missing);
            }
        }
        assertEquals(List.of(), missing, "schema elements without a @Description");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static void check(Map<String, Object> element, String path, List<String> missing) {
        Object description = element.get("description");
        if (description == null || description.toString().isBlank() || description.equals("ISO-8601")) {
            missing.add(path);
        }
    }
}
