package io.aiusage.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tabnine Enterprise API settings: {@code TABNINE_URL}, {@code TABNINE_TOKEN}, {@code TABNINE_ORGANIZATION_ID}. */
@ConfigMapping(prefix = "tabnine")
public interface TabnineConfig {

    /** Which usage endpoints to read. */
    enum UsageApi {
        /**
         * Asked at organisation scope: v1 alone when {@code /api/v2/organization/usage} answers 404 (installations
         * before 6.2), else v1 for the days before the organisation's first v2 day and v2 from it.
         */
        AUTO,
        V1,
        V2
    }

    /** Base URL of the Tabnine instance (SaaS: https://console.tabnine.com; private installs: their own host). */
    @WithDefault("https://console.tabnine.com")
    String url();

    /** Admin access token (Settings → Access Tokens). Without it Tabnine is "not configured". */
    Optional<String> token();

    /** Organization UUID; read once from {@code GET /api/v1/organization} when absent. */
    Optional<String> organizationId();

    /** {@code auto|v1|v2}; v1 or v2 forces that API for every day. */
    @WithDefault("auto")
    UsageApi usageApi();

    /**
     * With {@code auto}: how long a detection (which API the organisation has, and its first v2 day) holds before it
     * is made again, so an instance upgraded to 6.2 while the service runs is noticed.
     */
    @WithDefault("1h")
    Duration usageApiRedetect();

    /**
     * With {@code auto}: the organisation's first UTC day on v2 (the day it moved to 6.2), when known. Days before it
     * are read from v1, days from it on from v2, and nothing is detected.
     */
    Optional<LocalDate> v2Since();

    /** With {@code auto}: how many months back (this month included) to look for the organisation's first v2 day. */
    @WithDefault("36")
    int v2SearchMonths();

    /**
     * Page size ({@code limit}) for list endpoints: Tabnine's own default for the user list. Pages are read one after
     * another (each follows {@code meta.next}), so 35,000 users are 175 calls.
     */
    @WithDefault("200")
    int pageSize();

    /** Most pages read from one list before the vendor is declared to be looping. */
    @WithDefault("1000")
    int maxPages();

    /** Most Tabnine calls in flight at once for per-user fan-out (Tabnine has no bulk per-user usage endpoint). */
    @WithDefault("8")
    int concurrency();

    /**
     * Whole UTC days (ending today) of per-user daily usage read to find each user's last activity: Tabnine's user
     * list carries no activity timestamp, so a user idle for longer than this counts as never used.
     */
    @WithDefault("366")
    int activityLookbackDays();

    default boolean configured() {
        return token().filter(t -> !t.isBlank()).isPresent();
    }
}
