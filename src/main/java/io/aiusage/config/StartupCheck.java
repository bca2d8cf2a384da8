package io.aiusage.config;

import jakarta.enterprise.event.Observes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * In production, a gateway with no vendor and no demo would answer every question with nothing. Refuse to start and
 * say how to fix it instead.
 */
@IfBuildProfile("prod")
public class StartupCheck {

    static final String MESSAGE = "No vendor is configured and demo mode is off, so there is nothing to serve. "
            + "Set WINDSURF_SERVICE_KEY (Windsurf) and/or TABNINE_TOKEN (Tabnine, with TABNINE_URL for a private "
            + "installation), or set DEMO_ENABLED=true to run against the built-in vendor emulator.";

    void check(@Observes StartupEvent event, WindsurfConfig windsurf, TabnineConfig tabnine, DemoConfig demo) {
        if (!demo.enabled() && !windsurf.configured() && !tabnine.configured()) {
            throw new ConfigurationException(MESSAGE);
        }
    }
}
