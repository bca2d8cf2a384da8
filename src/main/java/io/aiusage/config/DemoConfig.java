package io.aiusage.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The built-in vendor emulator ({@code DEMO_ENABLED}). On by default in dev and test; when on, both vendors' REST
 * clients point at it with demo credentials (see {@link DemoConfigSourceFactory}).
 */
@ConfigMapping(prefix = "demo")
public interface DemoConfig {

    /** Service key the emulator accepts for Windsurf. */
    String WINDSURF_SERVICE_KEY = "demo-windsurf-service-key";
    /** Bearer token the emulator accepts for Tabnine. */
    String TABNINE_TOKEN = "demo-tabnine-token";
    /** The demo organisation's Windsurf groups; demo mode sets {@code windsurf.groups} to them (no API lists them). */
    List<String> WINDSURF_GROUPS = List.of("engineering", "platform", "data-science", "mobile");

    @WithDefault("false")
    boolean enabled();

    /** Size of the synthetic organisation. */
    @WithDefault("300")
    int people();

    /** Seed of the synthetic organisation: the same seed and anchor date give the same data. */
    @WithDefault("42")
    long seed();

    /** Last day of synthetic activity (UTC); defaults to today. Tests pin it for exact figures. */
    Optional<LocalDate> anchorDate();

    /** How many days of activity history the organisation has. */
    @WithDefault("400")
    int historyDays();

    /** Where the emulator is served (this process by default); the vendors' paths are appended. */
    String baseUrl();

    /** Fault and latency knobs of the emulated Windsurf. */
    Faults windsurf();

    /** Fault and latency knobs of the emulated Tabnine, plus its licence. */
    Tabnine tabnine();

    /** Injected behaviour, for demos, resilience tests and benchmarks. */
    interface Faults {
        /** Added latency per request. */
        @WithDefault("0s")
        Duration latency();

        /** Probability (0..1) that a request is answered 429 with Retry-After. */
        @WithDefault("0")
        double rateLimitProbability();

        /** Retry-After seconds sent with injected 429s. */
        @WithDefault("1")
        int retryAfterSeconds();

        /** Probability (0..1) that a request is answered 503. */
        @WithDefault("0")
        double errorProbability();
    }

    /** Tabnine's knobs: its faults, and whether its licence has the Agent feature (else agent-usage answers 403). */
    interface Tabnine extends Faults {
        @WithDefault("true")
        boolean agentLicensed();
    }
}
