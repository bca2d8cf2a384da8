package io.aiusage.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tabnine Enterprise API settings: {@code TABNINE_URL}, {@code TABNINE_TOKEN}, {@code TABNINE_ORGANIZATION_ID}. */
@ConfigMapping(prefix = "tabnine")
public interface TabnineConfig {

    /** Which usage endpoints to read. */
    enum UsageApi {
        /** v2, falling back to v1 when the instance answers 404 (installations before 6.2). */
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

    /** {@code auto|v1|v2}. */
    @WithDefault("auto")
    UsageApi usageApi();

    /** Page size ({@code limit}) for list endpoints. */
    @WithDefault("100")
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
