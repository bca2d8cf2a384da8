package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema must equal the committed {@code docs/schema.graphql}, so every API change is a reviewed diff.
 * On drift the served schema is written to {@code target/schema.graphql}: review it, then copy it over.
 */
@QuarkusTest
class SchemaSnapshotTest {

    static final Path COMMITTED = Path.of("docs/schema.graphql");
    static final Path SERVED = Path.of("target/schema.graphql");

    @Test
    void servedSchemaMatchesTheCommittedSnapshot() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!normalize(served).equals(normalize(committed))) {
            Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        }
        assertEquals(normalize(committed), normalize(served),
                "The GraphQL schema changed. Review target/schema.graphql, then: cp target/schema.graphql "
                        + COMMITTED);
    }

    private static String normalize(String schema) {
        return schema.replace("\r\n", "\n").strip();
    }
}
