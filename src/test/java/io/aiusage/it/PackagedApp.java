package io.aiusage.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged application (the native binary under -Pnative, else the jar) as a plain process, for tests that must
 * see its start-up or its raw console output, which a {@code @QuarkusIntegrationTest} cannot. It starts in the prod
 * profile on a free port, with none of the vendor, demo, auth, policy, cache or Quarkus variables of the build's
 * environment, only {@code env}.
 */
final class PackagedApp {

    static final Duration START_LIMIT = Duration.ofSeconds(60);

    private PackagedApp() {
    }

    static Process start(Map<String, String> env) throws IOException {
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
        builder.environment().keySet().removeIf(k -> k.startsWith("DEMO_") || k.startsWith("WINDSURF_")
                || k.startsWith("TABNINE_") || k.startsWith("QUARKUS_") || k.startsWith("AUTH_")
                || k.startsWith("VENDOR_POLICY_") || k.startsWith("CACHE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The output lines up to and including the first that {@code last} accepts, then the process is stopped. */
    static List<String> linesUntil(Map<String, String> env, Predicate<String> last)
            throws IOException, InterruptedException {
        Process process = start(env);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException e) {
                // the process was stopped
            }
        });
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(START_LIMIT);
        try {
            while (Instant.now().isBefore(deadline)) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.add(line);
                    if (last.test(line)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no expected line within " + START_LIMIT + "; output:\n" + String.join("\n", seen));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
