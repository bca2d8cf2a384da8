package io.aiusage.api;

import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 14, acceptance 3: the dashboard in a real browser with AUTH_MODE=oidc. It asks for a token, and with a
 * viewer's shows the aggregates (the API's figures) while each personal table is replaced by a notice naming the
 * role it needs; the people CSV answers that viewer 403. A people-reader sees the tables; a vendor failing is
 * written out on the page, not swallowed.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@ExtendWith(ChromiumAvailable.class)
class DashboardViewerBrowserTest extends WireMockGraphQLTest {

    /** SmallOrg's usage window, as the page's address gives it (the last day included). */
    private static final String VIEW = "?from=2025-03-06&to=2025-03-10&granularity=DAY";
    private static final Map<String, String> WINDOW = DashboardPage.window(LocalDate.parse("2025-03-06"),
            LocalDate.parse("2025-03-11"));
    /** A page of the dashboard's origin that runs no script: where the tab's session storage is set up. */
    private static final String BLANK = "dashboard/dashboard.css";
    private static final List<String> PERSONAL = List.of("idle", "never-used", "overlapping");

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @InjectTokens
    TestTokens tokens;

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

    /** Opens the view with {@code token} already in the tab's session, as after a sign-in. */
    private DashboardPage signedIn(String token) {
        DashboardPage page = new DashboardPage(browser, token);
        page.open(root, BLANK);
        browser.js("sessionStorage.setItem('aiusage.token', arguments[0])", token);
        page.open(root, VIEW);
        page.awaitOverview();
        page.awaitUsage(WINDOW, "DAY");
        return page;
    }

    @Test
    void aViewerSignsInAndSeesAggregatesWhilePersonalTablesNameTheRoleTheyNeed() {
        String viewer = tokens.withRoles("viewer");
        DashboardPage page = new DashboardPage(browser, viewer);
        page.open(root, BLANK);
        browser.js("sessionStorage.clear()");
        page.open(root, VIEW);

        WebElement field = browser.waiting().withMessage("the sign-in form").until(d -> {
            WebElement token = d.findElement(By.id("token"));
            return token.isDisplayed() && token.equals(d.switchTo().activeElement()) ? token : null;
        });
        assertTrue(page.text("sign-in-reason").contains("Authentication required"), page.text("sign-in-reason"));
        field.sendKeys(viewer, Keys.ENTER);
        page.awaitOverview();
        page.awaitUsage(WINDOW, "DAY");

        assertEquals(page.expectedUtilization(), page.rows("utilization"));
        List<Map<String, String>> buckets = page.rows("buckets");
        assertEquals(page.expectedBuckets(WINDOW, "DAY"), buckets);
        assertEquals(10, buckets.size(), "five days of both vendors");
        assertTrue(browser.driver.findElement(By.id("signed-in")).isDisplayed());
        for (String section : PERSONAL) {
            assertEquals("forbidden", browser.js("return document.getElementById(arguments[0]).dataset.state", section));
            String notice = browser.driver.findElement(By.cssSelector("#" + section + " .notice")).getText();
            assertTrue(notice.contains("needs the " + SecuredProfile.PEOPLE_READER + " role"), notice);
            assertEquals(0L, browser.js("return document.querySelectorAll('#' + arguments[0] + ' table').length",
                    section), "no table in " + section);
            assertFalse(browser.driver.findElement(By.cssSelector("#" + section + " button.csv")).isDisplayed());
        }
        assertEquals(0L, browser.js("return document.querySelectorAll('#seats-messages li').length"),
                "refusals show as notices, not as errors");

        browser.screenshot(Path.of("target", "dashboard-viewer.png"));

        given().auth().oauth2(viewer).get("/export/people.csv").then().statusCode(403)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aPeopleReaderSeesThePersonalTables() {
        DashboardPage page = signedIn(tokens.withRoles(SecuredProfile.PEOPLE_READER));
        for (String section : PERSONAL) {
            assertEquals("shown", browser.js("return document.getElementById(arguments[0]).dataset.state", section));
        }
        assertEquals(List.of("gina@y.org"), page.rows("never-used-table").stream().map(r -> r.get("email")).toList());
        assertEquals(List.of("alice@x.com", "bob@x.com"),
                page.rows("overlapping-table").stream().map(r -> r.get("email")).toList());
    }

    @Test
    void aFailingVendorIsWrittenOutBesideTheOtherVendorsFigures() {
        mocks.tabnine().stubFor(tabnine("/api/v2/organization/usage").atPriority(1)
                .willReturn(json(503, "{\"error\": \"" + GraphQLRequests.VENDOR_ERROR_TEXT + "\"}")));

        DashboardPage page = signedIn(tokens.withRoles("viewer"));
        String messages = browser.driver.findElement(By.id("usage-messages")).getText();
        assertTrue(messages.contains("Tabnine · VENDOR_UNAVAILABLE: "), messages);
        assertFalse(messages.contains(GraphQLRequests.VENDOR_ERROR_TEXT), messages);
        assertEquals(List.of("Windsurf"), page.rows("buckets").stream().map(r -> r.get("vendor")).distinct().toList());
        assertEquals(page.expectedBuckets(WINDOW, "DAY"), page.rows("buckets"));
    }
}
