package io.aiusage.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged application (jar, or the native binary under -Pnative) in the prod profile with neither vendor
 * credentials nor demo mode, or with AUTH_MODE=oidc and no issuer, must refuse to start and say how to fix it. Plain process test: a
 * {@code @QuarkusIntegrationTest} cannot observe a start-up that is meant to fail.
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

    /** Starts the packaged app in the prod profile with {@code extra} as its only DEMO_, vendor and auth settings. */
    private static String refusedStart(Map<String, String> extra) throws IOException, InterruptedException {
        Path nativeBinary = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(nativeBinary)) {
            command.add(nativeBinary.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add("target/quarkus-app/quarkus-run.jar");
        }
        command.add("-Dquarkus.http.port=0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DEMO_") || k.startsWith("WINDSURF_") || k.startsWith("TABNINE_")
                || k.startsWith("AUTH_") || k.startsWith("QUARKUS_OIDC_"));
        env.putAll(extra);
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the application should stop by itself; output:\n" + output);
        assertNotEquals(0, process.exitValue(), "exit code must signal failure; output:\n" + output);
        return output;
    }
}
