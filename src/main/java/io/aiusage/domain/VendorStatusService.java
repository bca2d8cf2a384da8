package io.aiusage.domain;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;

/** The state of the gateway's connection to each vendor, for {@code vendors} and for operators. */
@ApplicationScoped
public class VendorStatusService {

    private final VendorConnectors connectors;
    private final VendorActivity activity;
    private final Clock clock;

    public VendorStatusService(VendorConnectors connectors, VendorActivity activity, Clock clock) {
        this.connectors = connectors;
        this.activity = activity;
        this.clock = clock;
    }

    /** Every vendor the gateway knows, configured or not, in enum order, with a live check of the configured ones. */
    public List<VendorInfo> status() {
        return Arrays.stream(Vendor.values()).map(this::info).toList();
    }

    private VendorInfo info(Vendor vendor) {
        VendorConnector connector = connectors.find(vendor).orElse(null);
        boolean configured = connector != null && connector.configured();
        boolean demo = connector != null && connector.demo();
        boolean healthy = configured && ping(connector);
        return new VendorInfo(vendor, configured, demo, healthy, activity.lastFetchedAt(vendor),
                activity.rateLimitedUntil(vendor, clock.instant()));
    }

    private static boolean ping(VendorConnector connector) {
        try {
            connector.ping();
            return true;
        } catch (VendorException e) {
            Log.warnf("%s health check failed: %s (%s)", connector.vendor(), e.code(), e.getMessage());
            return false;
        }
    }
}
