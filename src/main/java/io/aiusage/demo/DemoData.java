package io.aiusage.demo;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.DemoConfig;
import io.quarkus.logging.Log;

/**
 * Holds the process's demo organisation. It is generated on first use (not at start-up, so a gateway that never
 * serves the emulator never pays for it) and then shared by every emulated endpoint.
 */
@ApplicationScoped
public class DemoData {

    private final DemoConfig config;
    private volatile DemoOrganisation organisation;

    public DemoData(DemoConfig config) {
        this.config = config;
    }

    public DemoOrganisation organisation() {
        DemoOrganisation result = organisation;
        if (result == null) {
            synchronized (this) {
                result = organisation;
                if (result == null) {
                    long started = System.nanoTime();
                    result = DemoOrganisation.generate(DemoSettings.from(config));
                    organisation = result;
                    Log.infof("Demo organisation generated in %d ms: %d Windsurf seats, %d Tabnine users in %d teams",
                            (System.nanoTime() - started) / 1_000_000, result.windsurfSeats().size(),
                            result.tabnineSeats().size(), result.tabnineTeams().size());
                }
            }
        }
        return result;
    }

    /** Whether the organisation exists yet: before that, {@link #organisation()} generates it (seconds at 50,000). */
    public boolean generated() {
        return organisation != null;
    }

    /** The emulator's clock (see {@link DemoOrganisation#now(Instant)}). */
    public Instant now() {
        return organisation().now(Instant.now());
    }
}
