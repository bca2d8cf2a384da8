package io.aiusage.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Windsurf (Codeium) Analytics API settings: {@code WINDSURF_URL}, {@code WINDSURF_SERVICE_KEY}, {@code WINDSURF_GROUPS}. */
@ConfigMapping(prefix = "windsurf")
public interface WindsurfConfig {

    /** Base URL of the Windsurf API server; {@code /api/v1/...} is appended. */
    @WithDefault("https://server.codeium.com")
    String url();

    /** Service key (Teams Read-only + Analytics Read + Billing Read). Without it Windsurf is "not configured". */
    Optional<String> serviceKey();

    /** Windsurf groups to expose as teams ({@code group_name}); Windsurf has no API that lists them. */
    Optional<List<String>> groups();

    /** Most Windsurf calls in flight at once when one question needs several (the organisation and each group). */
    @WithDefault("4")
    int concurrency();

    default boolean configured() {
        return serviceKey().filter(k -> !k.isBlank()).isPresent();
    }
}
