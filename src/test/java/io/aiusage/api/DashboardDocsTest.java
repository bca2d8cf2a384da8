package io.aiusage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 14, acceptance 4: the README's Dashboard section shows the committed screenshot (a PNG at a laptop's width,
 * as {@link DashboardBrowserTest} takes it) and says how to open the page.
 */
class DashboardDocsTest {

    @Test
    void theReadmeShowsTheScreenshotAndHowToOpenThePage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Dashboard"), readme.indexOf("## Configuration"));
        Matcher image = Pattern.compile("!\\[[^]]+]\\((docs/[^)]+\\.png)\\)").matcher(section);
        assertTrue(image.find(), "the Dashboard section shows a screenshot");
        Path screenshot = Path.of(image.group(1));
        assertTrue(Files.isRegularFile(screenshot), screenshot + " is committed");
        try (InputStream in = Files.newInputStream(screenshot); DataInputStream png = new DataInputStream(in)) {
            assertEquals(0x89504E47, png.readInt(), "a PNG");
            png.skipBytes(12); // rest of the signature, IHDR length and type
            assertEquals(Browser.WIDTH, png.readInt(), "taken at a laptop's width");
        }
        assertTrue(section.contains("./mvnw quarkus:dev"), "how to start it");
        assertTrue(section.contains("http://localhost:8080/"), "where to open it");
    }
}
