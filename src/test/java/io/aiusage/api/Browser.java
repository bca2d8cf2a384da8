package io.aiusage.api;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through its chromedriver: Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code bash .ci/run} installs them when absent), or the browser and driver named by {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}. Each browser gets a fresh profile directory and the flags that keep Chromium from reaching
 * out to the network (it would hang on a machine without one), at a laptop's size.
 */
final class Browser implements AutoCloseable {

    static final int WIDTH = 1366;
    static final int HEIGHT = 900;
    /** Long enough for a cold demo question (every Tabnine user's year of usage) on a busy 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(180);

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=" + WIDTH + "," + HEIGHT);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** The browser and its driver, when this machine has both. */
    static Optional<Path[]> find() {
        Optional<Path> browser = executable("CHROME_BIN", BROWSERS);
        Optional<Path> driver = executable("CHROMEDRIVER", List.of("chromedriver"));
        return browser.isPresent() && driver.isPresent() ? Optional.of(new Path[] { browser.get(), driver.get() })
                : Optional.empty();
    }

    private static Optional<Path> executable(String variable, List<String> names) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        return names.stream().flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    static Browser start() {
        Path[] found = find().orElseThrow(() -> new IllegalStateException(ChromiumAvailable.MISSING));
        try {
            Path profile = Files.createTempDirectory("aiusage-chromium-");
            Path downloads = Files.createDirectories(Path.of("target", "browser-downloads")).toAbsolutePath();
            ChromeOptions options = new ChromeOptions().setBinary(found[0].toFile()).addArguments(FLAGS)
                    .addArguments("--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(found[1].toFile())
                    .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
            return new Browser(new ChromeDriver(service, options), profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
    }

    /** Runs {@code script} in the page ({@code arguments[i]} are the arguments) and returns its value. */
    Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** The whole page at the laptop's width, as a PNG; the window gets its size back afterwards. */
    void screenshot(Path file) {
        Number height = (Number) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, height.intValue())));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
