package io.aiusage.api;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.aiusage.domain.Outcome;
import io.aiusage.domain.SeatReport;
import io.aiusage.domain.SeatService;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.VendorAccount;

/** Seat utilisation, reclaimable seats and overlapping licences. */
@GraphQLApi
public class SeatsGraphQLApi {

    static final int MAX_IDLE_AFTER_DAYS = 3650;

    private final SeatService seatService;
    private final PeopleGraphQLApi people;
    private final Execution execution;

    public SeatsGraphQLApi(SeatService seatService, PeopleGraphQLApi people, Execution execution) {
        this.seatService = seatService;
        this.people = people;
        this.execution = execution;
    }

    @Query("seats")
    @Description("Seat utilisation per vendor, idle and never-used seats, and people holding seats on two vendors.")
    public @NonNull SeatReport seats(
            @Name("window") @Description("Scopes window-dependent account figures (Windsurf activeDays). Seat status "
                    + "always uses the latest activity, whatever the window.") WindowInput window,
            @Name("idleAfterDays") @DefaultValue("30") @Description("Days without any activity after which a used "
                    + "seat counts as IDLE (1 to 3650).") Integer idleAfterDays) throws ApiError {
        TimeWindow activity = Windows.optional(window, "window");
        int days = idleAfterDays == null ? 30 : idleAfterDays;
        if (days < 1 || days > MAX_IDLE_AFTER_DAYS) {
            throw new ApiError.InvalidArgument("idleAfterDays must be between 1 and " + MAX_IDLE_AFTER_DAYS
                    + " (got " + days + ").", "idleAfterDays");
        }
        // the same per-request fetch as people(window:) and Team.members: asking both costs the vendors nothing more
        Outcome<List<VendorAccount>> seats = people.people(activity)
                .map(all -> all.stream().flatMap(p -> p.accounts().stream()).toList());
        Outcome<SeatReport> report = seatService.report(seats, days);
        execution.returned(report.value().overlapping());
        return Results.partial(report, execution);
    }
}
