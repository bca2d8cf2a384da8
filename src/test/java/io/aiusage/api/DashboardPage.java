package io.aiusage.api;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The dashboard at {@code /} as its tests see it: what its tables show, read cell by cell (each cell carries its
 * GraphQL field name in {@code data-key}), and the same figures asked of {@code /graphql} directly and written the way
 * the page writes them, so a test compares what a person reads with what the API answers.
 */
final class DashboardPage {

    static final List<String> METRICS = List.of("completionsAccepted", "completionLinesAccepted", "chatMessages",
            "agentMessages", "agentLinesAccepted", "activeUsers", "inputTokens", "outputTokens", "credits", "cost");
    private static final String ROWS = """
            return [...document.getElementById(arguments[0]).querySelectorAll('tbody tr')]
              .filter((tr) => !tr.querySelector('td.empty'))
              .map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.key, td.textContent])));
            """;

    private final Browser browser;
    private final String token;

    DashboardPage(Browser browser, String token) {
        this.browser = browser;
        this.token = token;
    }

    /** Opens {@code path} (e.g. {@code ?days=7}) of the dashboard at {@code root}. */
    void open(URL root, String path) {
        browser.driver.get(root.toString().replaceAll("/$", "") + "/" + path);
    }

    /** The window the page calls "last {@code days} days": whole UTC days, today included. */
    static Map<String, String> lastDays(int days) {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return window(tomorrow.minusDays(days), tomorrow);
    }

    static Map<String, String> window(LocalDate first, LocalDate endExclusive) {
        return Map.of("from", first + "T00:00:00Z", "to", endExclusive + "T00:00:00Z");
    }

    /** Waits until the usage and team sections show {@code window} at {@code granularity}, loaded. */
    void awaitUsage(Map<String, String> window, String granularity) {
        String key = window.get("from") + "/" + window.get("to") + "/" + granularity;
        browser.waiting().withMessage(() -> "the page to show usage for " + key).until(d -> browser.js(
                "const u = document.getElementById('usage'), t = document.getElementById('teams');"
                        + "return u.dataset.window === arguments[0] && u.getAttribute('aria-busy') === 'false'"
                        + " && t.getAttribute('aria-busy') === 'false';", key).equals(Boolean.TRUE));
    }

    /** Waits until vendors, seats and the personal tables are loaded. */
    void awaitOverview() {
        browser.waiting().withMessage("the page to show the seat overview").until(d -> browser.js(
                "return ['status', 'seats', 'idle', 'never-used', 'overlapping'].every((id) =>"
                        + " document.getElementById(id).getAttribute('aria-busy') === 'false')"
                        + " && document.getElementById('seats').dataset.idleAfterDays !== undefined;")
                .equals(Boolean.TRUE));
    }

    /** The rows a table shows, in the order shown: GraphQL field name to cell text. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> rows(String tableId) {
        return (List<Map<String, String>>) browser.js(ROWS, tableId);
    }

    String text(String id) {
        return (String) browser.js("return document.getElementById(arguments[0]).textContent", id);
    }

    /** Asks {@code /graphql} as the page does (with the page's token, if any); errors are the caller's to check. */
    JsonPath graphql(String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType("application/json")
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        // decimals as doubles, exactly what the browser's JSON.parse gives (rest-assured's default is float)
        return request.post("/graphql").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** The usage buckets the API answers for {@code window}, as the page's table writes them. */
    List<Map<String, String>> expectedBuckets(Map<String, String> window, String granularity) {
        List<Map<String, Object>> buckets = graphql("query ($w: WindowInput!, $g: Granularity) { usage(window: $w, "
                + "granularity: $g) { buckets { vendor from to " + String.join(" ", METRICS) + " } } }",
                Map.of("w", window, "g", granularity)).getList("data.usage.buckets");
        return buckets.stream().map(b -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("vendor", vendor(b.get("vendor")));
            row.put("from", day(b.get("from")));
            row.put("to", day(b.get("to")));
            METRICS.forEach(m -> row.put(m, figure(b.get(m), m)));
            return row;
        }).toList();
    }

    /** {@code seats { utilization }}, as the page's table writes it. */
    List<Map<String, String>> expectedUtilization() {
        List<Map<String, Object>> rows = graphql("{ seats { utilization { vendor assigned active idle neverUsed "
                + "pending deactivated } } }", Map.of()).getList("data.seats.utilization");
        return rows.stream().map(u -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("vendor", vendor(u.get("vendor")));
            for (String key : List.of("assigned", "active", "idle", "neverUsed", "pending", "deactivated")) {
                row.put(key, figure(u.get(key), key));
            }
            int assigned = (Integer) u.get("assigned");
            row.put("share", assigned == 0 ? "—" : Math.round(100.0 * (Integer) u.get("active") / assigned) + " %");
            return row;
        }).toList();
    }

    /** Vendor enum as the page writes it: Windsurf, Tabnine. */
    static String vendor(Object vendor) {
        String name = (String) vendor;
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The UTC day of an instant; a dash for null. */
    static String day(Object instant) {
        return instant == null ? "—" : Instant.parse((String) instant).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * A figure as the page writes it (en-US grouping; credits and cost with two decimals, rounded half up from the
     * exact value as the browser does); a dash for null.
     */
    static String figure(Object value, String field) {
        if (value == null) {
            return "—";
        }
        if (field.equals("credits") || field.equals("cost")) {
            BigDecimal exact = new BigDecimal(((Number) value).doubleValue()).setScale(2, RoundingMode.HALF_UP);
            return String.format(Locale.US, "%,.2f", exact);
        }
        return String.format(Locale.US, "%,d", ((Number) value).longValue());
    }
}
