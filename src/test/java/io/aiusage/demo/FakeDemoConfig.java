package io.aiusage.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.aiusage.config.DemoConfig;

/** The demo configuration without Quarkus, for {@link DemoScaleFigures}: a pinned organisation, no faults. */
public record FakeDemoConfig(int people, long seed, Optional<LocalDate> anchorDate, int historyDays)
        implements DemoConfig {

    public FakeDemoConfig(int people, LocalDate anchor) {
        this(people, 42, Optional.of(anchor), 400);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String baseUrl() {
        return "http://localhost/demo";
    }

    @Override
    public Faults windsurf() {
        return tabnine();
    }

    @Override
    public Tabnine tabnine() {
        return new Tabnine() {
            public boolean agentLicensed() {
                return true;
            }

            public Duration latency() {
                return Duration.ZERO;
            }

            public double rateLimitProbability() {
                return 0;
            }

            public int retryAfterSeconds() {
                return 1;
            }

            public double errorProbability() {
                return 0;
            }
        };
    }
}
