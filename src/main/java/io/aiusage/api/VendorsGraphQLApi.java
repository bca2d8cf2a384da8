package io.aiusage.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.aiusage.domain.VendorInfo;
import io.aiusage.domain.VendorStatusService;

/** The connection status of every vendor the gateway knows. */
@GraphQLApi
public class VendorsGraphQLApi {

    private final VendorStatusService status;

    public VendorsGraphQLApi(VendorStatusService status) {
        this.status = status;
    }

    @Query("vendors")
    @Description("Every vendor the gateway knows, configured or not, with a live health check of the configured ones.")
    public @NonNull List<@NonNull VendorInfo> vendors() {
        return status.status();
    }
}
