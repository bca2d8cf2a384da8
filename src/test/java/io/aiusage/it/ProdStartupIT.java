package io.aiusage.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile with neither vendor credentials nor demo mode must refuse to start
 * and say how to fix it. Plain process test: a {@code @QuarkusIntegrationTest} cannot observe a start-up that is
 * meant to fail.
 */
class ProdStartupIT {

    @Test
    void refusesToStartWithoutVendorsOrDemo() throws IOException, InterruptedException {
        Process process = PackagedApp.start(Map.of());
        boolean exited = process.waitFor(PackagedApp.START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the application should stop by itself; output:\n" + output);
        assertNotEquals(0, process.exitValue(), "exit code must signal failure; output:\n" + output);
        for (String hint : List.of("WINDSURF_SERVICE_KEY", "TABNINE_TOKEN", "DEMO_ENABLED")) {
            assertTrue(output.contains(hint), "start-up message should name " + hint + "; output:\n" + output);
        }
    }
}
