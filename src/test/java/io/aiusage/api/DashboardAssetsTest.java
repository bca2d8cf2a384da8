package io.aiusage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, build point 1, without a browser: {@code /} is the dashboard, and everything it loads (its own scripts
 * and styles, and uPlot from the WebJar) is served by the application itself: no CDN, no other origin, so it works
 * offline.
 */
@QuarkusTest
class DashboardAssetsTest {

    private static final Path STATIC = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"|from '\\./([^']+)'");

    @Test
    void theRootIsTheDashboard() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<title>AI assistant usage</title>"))
                .body(containsString("src=\"/dashboard/app.js\""));
    }

    @Test
    void everyAssetThePageLoadsIsServedByTheApplication() throws IOException {
        List<String> references = new ArrayList<>(references(STATIC.resolve("index.html"), "/"));
        try (Stream<Path> scripts = Files.list(STATIC.resolve("dashboard"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                references.addAll(references(script, "/dashboard/"));
            }
        }
        assertTrue(references.contains("/webjars/uplot/dist/uPlot.iife.min.js"), references::toString);
        assertTrue(references.contains("/dashboard/sections.js"), references::toString);
        for (String reference : references) {
            assertFalse(reference.matches("^(https?:)?//.*"), "loaded from another origin: " + reference);
            int status = given().get(reference).statusCode();
            assertEquals(200, status, reference);
        }
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().contentType(containsString("javascript"))
                .body(containsString("uPlot"));
    }

    /** Paths a file loads: src and href attributes, and relative ES module imports (resolved against {@code base}). */
    private static List<String> references(Path file, String base) throws IOException {
        Matcher m = REFERENCE.matcher(Files.readString(file));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : base + m.group(2));
        }
        return found;
    }
}
