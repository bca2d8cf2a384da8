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
 * The packaged application (jar, or the native binary under -Pnative) in the prod profile with neither vendor
 * credentials nor demo mode, or with AUTH_MODE=oidc and no issuer, must refuse to start and say how to fix it. Plain
 * process test: a {@code @QuarkusIntegrationTest} cannot observe a start-up that is meant to fail.
 */
class ProdStartupIT {

    @Test
    void refusesToStartWithoutVendorsOrDemo() throws IOException, InterruptedException {
        String output = refusedStart(Map.of());
        for (String hint : List.of("WINDSURF_SERVICE_KEY", "TABNINE_TOKEN", "DEMO_ENABLED")) {
            assertTrue(output.contains(hint), "start-up message should name " + hint + "; output:\n" + output);
        }
    }

    /** Issue 11, build point 1: AUTH_MODE=oidc (the prod default) without an issuer refuses to start. */
    @Test
    void refusesToStartWithOidcAndNoIssuer() throws IOException, InterruptedException {
        String output = refusedStart(Map.of("DEMO_ENABLED", "true"));
        for (String hint : List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "AUTH_MODE=none")) {
            assertTrue(output.contains(hint), "start-up message should name " + hint + "; output:\n" + output);
        }
        assertTrue(output.lines().noneMatch(line -> line.contains("\tat ")), "one line, no stack trace:\n" + output);
    }

    /** Starts the packaged app in the prod profile with only {@code env}, and returns what it printed on refusing. */
    private static String refusedStart(Map<String, String> env) throws IOException, InterruptedException {
        Process process = PackagedApp.start(env);
        boolean exited = process.waitFor(PackagedApp.START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the application should stop by itself; output:\n" + output);
        assertNotEquals(0, process.exitValue(), "exit code must signal failure; output:\n" + output);
        return output;
    }
}
