package io.aiusage.demo;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.aiusage.config.DemoConfig;
import io.aiusage.demo.tabnine.TabnineWire;
import io.aiusage.demo.windsurf.WindsurfWire;

/**
 * A vendor the emulator stands in for: where it is served, its routes (the path templates of its endpoints under
 * that prefix, as its resource declares them), its fault knobs, and its own 429 and 503 bodies.
 */
enum EmulatedVendor {
    WINDSURF("/demo/windsurf", List.of("/api/v1/UserPageAnalytics", "/api/v1/CascadeAnalytics", "/api/v1/Analytics",
            "/api/v1/GetTeamCreditBalance", "/api/v1/GetUsageConfig", "/api/v1/UsageConfig")),
    TABNINE("/demo/tabnine", List.of("/api/v1/organization", "/api/v1/organization/teams",
            "/api/v1/organization/users", "/api/v1/organization/account-utilizations", "/api/v1/team/{teamId}/users",
            "/api/v1/team/account-utilizations", "/api/v1/team/{teamId}", "/api/v1/user/{userId}",
            "/api/v1/organization/usage", "/api/v1/team/usage", "/api/v1/user/usage", "/api/v2/organization/usage",
            "/api/v2/team/usage", "/api/v2/user/usage", "/api/v1/organization/agent-usage",
            "/api/v1/team/agent-usage", "/api/v1/user/agent-usage"));

    private final String prefix;
    private final List<String> routes;

    EmulatedVendor(String prefix, List<String> routes) {
        this.prefix = prefix;
        this.routes = routes;
    }

    /** The vendor a request path belongs to, or null for other {@code /demo} paths. */
    static EmulatedVendor of(String path) {
        for (EmulatedVendor vendor : values()) {
            if (path.startsWith(vendor.prefix + "/")) {
                return vendor;
            }
        }
        return null;
    }

    /** The path under the vendor's prefix, e.g. {@code /api/v1/organization/users}. */
    String route(String path) {
        return path.substring(prefix.length());
    }

    /** The path templates of the vendor's endpoints under its prefix. */
    List<String> routes() {
        return routes;
    }

    /**
     * How the calls of one route are named in the call counters: Windsurf by its endpoint name (its paths differ
     * only in it), Tabnine by the path template, ids left as their {@code {name}}.
     */
    String key(String route) {
        return this == WINDSURF ? route.substring(route.lastIndexOf('/') + 1) : route;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    DemoConfig.Faults faults(DemoConfig config) {
        return this == WINDSURF ? config.windsurf() : config.tabnine();
    }

    Response rateLimited() {
        return this == WINDSURF
                ? WindsurfWire.errorResponse(Response.Status.TOO_MANY_REQUESTS, "429 Too Many Requests")
                : TabnineWire.errorResponse(Response.Status.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                        "Rate limit exceeded, retry later");
    }

    Response unavailable() {
        return this == WINDSURF
                ? WindsurfWire.errorResponse(Response.Status.SERVICE_UNAVAILABLE, "503 Service Unavailable")
                : TabnineWire.errorResponse(Response.Status.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "The service is temporarily unavailable");
    }
}
