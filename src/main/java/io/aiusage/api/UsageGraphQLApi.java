package io.aiusage.api;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageReport;
import io.aiusage.domain.UsageService;
import io.aiusage.domain.Vendor;

/** Organisation- and team-level usage. */
@GraphQLApi
public class UsageGraphQLApi {

    private final UsageService usageService;
    private final Execution execution;

    public UsageGraphQLApi(UsageService usageService, Execution execution) {
        this.usageService = usageService;
        this.execution = execution;
    }

    @Query("usage")
    @Description("Usage over a window, one bucket per vendor per period. The window is widened to whole UTC days; "
            + "periods are UTC days, ISO weeks (Monday) or calendar months clipped to that window, or one TOTAL "
            + "bucket. Each bucket's from/to says exactly what it covers.")
    public @NonNull UsageReport usage(
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity,
            @Name("vendor") @Description("Only this vendor.") Vendor vendor,
            @Name("team") @Id @Description("Only this team (vendor-qualified id); implies its vendor.") String team)
            throws ApiError {
        TimeWindow w = Windows.require(window, "window");
        if (team != null) {
            Ids.requireTeamOf(team, vendor, "team");
        }
        return Results.partial(usageService.usage(w, Windows.granularity(granularity), vendor, team), execution);
    }
}
