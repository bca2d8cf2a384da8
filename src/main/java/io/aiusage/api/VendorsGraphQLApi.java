package io.aiusage.api;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.aiusage.domain.Vendor;
import io.aiusage.vendor.VendorActivity;
import io.aiusage.vendor.VendorConnector;
import io.aiusage.vendor.VendorConnectors;
import io.aiusage.vendor.VendorException;
import io.quarkus.logging.Log;

/** The connection status of every vendor the gateway knows. */
@GraphQLApi
public class VendorsGraphQLApi {

    private final VendorConnectors connectors;
    private final VendorActivity activity;
    private final Clock clock;

    public VendorsGraphQLApi(VendorConnectors connectors, VendorActivity activity, Clock clock) {
        this.connectors = connectors;
        this.activity = activity;
        this.clock = clock;
    }

    @Query("vendors")
    @Description("Every vendor the gateway knows, configured or not, with a live health check of the configured ones.")
    public @NonNull List<@NonNull VendorInfo> vendors() {
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
