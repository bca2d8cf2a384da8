package io.aiusage.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container images run as a non-root user, expose the HTTP port the manifests use, and log JSON. (No container
 * engine here to build them: this reads the Dockerfiles.)
 */
class ContainerFilesTest {

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native-micro", "Dockerfile.native-multistage" })
    void imagesRunAsNonRootOnTheHttpPortWithJsonLogs(String dockerfile) throws IOException {
        String text = Files.readString(Path.of("src/main/docker", dockerfile));
        String lastStage = text.substring(text.lastIndexOf("\nFROM "));
        assertTrue(lastStage.matches("(?s).*\nUSER (?!0\\b|root\\b)\\w+.*"), dockerfile + " runs as a non-root user");
        assertTrue(lastStage.contains("\nEXPOSE 8080\n"), dockerfile + " exposes the HTTP port");
        assertTrue(lastStage.contains("\nENV QUARKUS_LOG_CONSOLE_JSON_ENABLED=true\n"), dockerfile + " logs JSON");
    }
}
