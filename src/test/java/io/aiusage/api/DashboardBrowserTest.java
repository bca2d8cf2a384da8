package io.aiusage.api;

import static io.aiusage.api.DashboardPage.day;
import static io.aiusage.api.DashboardPage.figure;
import static io.aiusage.api.DashboardPage.lastDays;
import static io.aiusage.api.DashboardPage.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, acceptance 1 and 4: the dashboard in a real browser (headless Chromium) against the demo. Its figures
 * equal the GraphQL API's answers for the same window; another window (preset or custom) or granularity shows other
 * figures, again the API's; a table sorts from the keyboard and filters; every control has a label and the page fits
 * a laptop's width; the usage CSV downloads under its window's name. The screenshot it saves
 * ({@code target/dashboard.png}) is the one the README shows ({@code docs/dashboard.png}).
 */
@QuarkusTest
@ExtendWith(ChromiumAvailable.class)
class DashboardBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsTheApisFiguresForEachWindowAndSortsFiltersAndExports() throws Exception {
        DashboardPage page = new DashboardPage(browser, null);
        page.open(root, "");
        Map<String, String> month = lastDays(30);
        page.awaitUsage(month, "DAY");
        page.awaitOverview();

        List<Map<String, String>> monthRows = page.rows("buckets");
        assertEquals(page.expectedBuckets(month, "DAY"), monthRows);
        assertEquals(60, monthRows.size(), "30 days of both vendors");
        assertEquals(page.expectedUtilization(), page.rows("utilization"));
        assertEquals(expectedTeams(page, month), page.rows("team-table"));
        assertEquals(expectedIdle(page), page.rows("idle-table"));
        assertTrue(page.text("window-text").contains(month.get("from").substring(0, 10)), page.text("window-text"));
        assertEquals(0L, browser.js("return document.querySelectorAll('.messages li').length"),
                "no error on a healthy demo: " + page.text("main"));
        browser.screenshot(Path.of("target", "dashboard.png"));

        Select window = new Select(browser.driver.findElement(By.id("window")));
        window.selectByValue("7");
        Map<String, String> week = lastDays(7);
        page.awaitUsage(week, "DAY");
        List<Map<String, String>> weekRows = page.rows("buckets");
        assertEquals(page.expectedBuckets(week, "DAY"), weekRows);
        assertEquals(14, weekRows.size());
        assertNotEquals(monthRows.get(0).get("from"), weekRows.get(0).get("from"), "another window, other rows");
        assertNotEquals(page.rows("team-table"), expectedTeams(page, month), "team totals follow the window");
        assertEquals(expectedTeams(page, week), page.rows("team-table"));

        new Select(browser.driver.findElement(By.id("granularity"))).selectByValue("WEEK");
        page.awaitUsage(week, "WEEK");
        assertEquals(page.expectedBuckets(week, "WEEK"), page.rows("buckets"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        window.selectByValue("custom");
        browser.js("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];", today.minusDays(45).toString(),
                today.minusDays(36).toString());
        browser.driver.findElement(By.cssSelector("#custom-window button")).click();
        Map<String, String> custom = DashboardPage.window(today.minusDays(45), today.minusDays(35));
        page.awaitUsage(custom, "WEEK");
        assertEquals(page.expectedBuckets(custom, "WEEK"), page.rows("buckets"));
        assertTrue(browser.driver.getCurrentUrl().contains("from=" + today.minusDays(45)), "the view is in the address");

        sortsAndFiltersTheIdleSeatsFromTheKeyboard(page);
        everyControlIsLabelledAndThePageFitsALaptop();
        downloadsTheUsageCsvUnderItsWindow(custom);
    }

    private void sortsAndFiltersTheIdleSeatsFromTheKeyboard(DashboardPage page) {
        WebElement lastActive = browser.driver.findElement(By.cssSelector("#idle-table th[data-key=lastActiveAt] button"));
        lastActive.sendKeys(Keys.ENTER);
        assertEquals("ascending", lastActive.findElement(By.xpath("..")).getAttribute("aria-sort"));
        List<String> ascending = page.rows("idle-table").stream().map(r -> r.get("lastActiveAt")).toList();
        assertTrue(ascending.size() > 2, "the demo has idle seats");
        assertEquals(ascending.stream().sorted().toList(), ascending);
        assertNotEquals(ascending, expectedIdleDays(page), "the API's order (most recent first) is not ascending");
        lastActive.sendKeys(Keys.ENTER);
        assertEquals("descending", lastActive.findElement(By.xpath("..")).getAttribute("aria-sort"));
        List<String> descending = page.rows("idle-table").stream().map(r -> r.get("lastActiveAt")).toList();
        assertEquals(ascending.stream().sorted(Comparator.reverseOrder()).toList(), descending);

        String email = page.rows("idle-table").get(0).get("email");
        browser.driver.findElement(By.id("idle-table-filter")).sendKeys(email);
        List<Map<String, String>> filtered = page.rows("idle-table");
        assertFalse(filtered.isEmpty());
        assertTrue(filtered.stream().allMatch(r -> r.values().stream().anyMatch(v -> v.contains(email))), filtered::toString);
        assertTrue(page.text("idle-table").contains(filtered.size() + " of " + ascending.size() + " rows"));
    }

    private void everyControlIsLabelledAndThePageFitsALaptop() {
        Object unlabelled = browser.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id)");
        assertEquals(List.of(), unlabelled, "controls without a label");
        assertEquals(Boolean.TRUE, browser.js("return document.documentElement.scrollWidth"
                + " <= document.documentElement.clientWidth"), "no sideways scrolling at " + Browser.WIDTH + " px");
    }

    private void downloadsTheUsageCsvUnderItsWindow(Map<String, String> window) throws Exception {
        String name = "usage-" + window.get("from").substring(0, 10) + "_" + window.get("to").substring(0, 10) + ".csv";
        Path file = browser.downloads.resolve(name);
        Files.deleteIfExists(file);
        browser.driver.findElement(By.id("usage-csv")).click();
        browser.waiting().withMessage("the download of " + name).until(d -> Files.exists(file)
                && exportStatus(d).contains("Downloaded " + name));
        List<String> lines = Files.readString(file).lines().toList();
        assertEquals(CsvTables.USAGE, List.of(lines.get(0).split(",")));
        assertEquals(new DashboardPage(browser, null).rows("buckets").size() + 1, lines.size());
    }

    private static String exportStatus(WebDriver driver) {
        return driver.findElement(By.id("export-status")).getText();
    }

    /** {@code teams { ... usage(window, TOTAL) }}, as the team table writes it. */
    private static List<Map<String, String>> expectedTeams(DashboardPage page, Map<String, String> window) {
        List<Map<String, Object>> teams = page.graphql("query ($w: WindowInput!) { teams { name vendor memberCount "
                + "utilization { assigned active idle } usage(window: $w, granularity: TOTAL) { activeUsers "
                + "completionsAccepted chatMessages agentMessages credits cost } } }", Map.of("w", window))
                .getList("data.teams");
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, Object> team : teams) {
            @SuppressWarnings("unchecked")
            Map<String, Object> seats = (Map<String, Object>) team.get("utilization");
            @SuppressWarnings("unchecked")
            Map<String, Object> usage = ((List<Map<String, Object>>) team.get("usage")).get(0);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", (String) team.get("name"));
            row.put("vendor", vendor(team.get("vendor")));
            row.put("memberCount", figure(team.get("memberCount"), "memberCount"));
            for (String key : List.of("assigned", "active", "idle")) {
                row.put(key, figure(seats.get(key), key));
            }
            for (String key : List.of("activeUsers", "completionsAccepted", "chatMessages", "agentMessages", "credits",
                    "cost")) {
                row.put(key, figure(usage.get(key), key));
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code seats { idle }}, as the idle table writes it. */
    private static List<Map<String, String>> expectedIdle(DashboardPage page) {
        List<Map<String, Object>> idle = page.graphql("{ seats { idle { vendor email name lastActiveAt "
                + "teams { name } } } }", Map.of()).getList("data.seats.idle");
        return idle.stream().map(a -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("vendor", vendor(a.get("vendor")));
            row.put("email", (String) a.get("email"));
            row.put("name", a.get("name") == null ? "—" : (String) a.get("name"));
            row.put("lastActiveAt", day(a.get("lastActiveAt")));
            @SuppressWarnings("unchecked")
            List<Map<String, String>> teams = (List<Map<String, String>>) a.get("teams");
            String names = String.join(", ", teams.stream().map(t -> t.get("name")).distinct().toList());
            row.put("teams", names.isEmpty() ? "—" : names);
            return row;
        }).toList();
    }

    private static List<String> expectedIdleDays(DashboardPage page) {
        return expectedIdle(page).stream().map(r -> r.get("lastActiveAt")).toList();
    }
}
