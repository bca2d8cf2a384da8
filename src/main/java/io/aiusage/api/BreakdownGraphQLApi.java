package io.aiusage.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.aiusage.domain.BreakdownReport;
import io.aiusage.domain.BreakdownRow;
import io.aiusage.domain.BreakdownService;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Outcome;
import io.aiusage.domain.Person;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageDimension;
import io.aiusage.domain.Vendor;

/**
 * Usage split by language, IDE or model: a field of its own beside {@code usage} rather than an argument of it, so
 * {@code usage} keeps its shape and cost, and a breakdown (which may cost Tabnine one call per person) is only fetched
 * when asked. One dimension per field; ask several with aliases.
 */
@GraphQLApi
public class BreakdownGraphQLApi {

    private final BreakdownService breakdowns;
    private final Execution execution;

    public BreakdownGraphQLApi(BreakdownService breakdowns, Execution execution) {
        this.breakdowns = breakdowns;
        this.execution = execution;
    }

    @Query("usageBreakdown")
    @Description("Usage over a window split by language, IDE or model: one row per vendor per key per period, whose "
            + "figures add up to that vendor's usage bucket of the period (same window and granularity rules as "
            + "usage). Windsurf: Custom Analytics and CascadeAnalytics grouped by the key (a constant number of calls); "
            + "Tabnine: LANGUAGE and IDE read every user's daily series (v2 per-user languages and ides, one call per "
            + "user per missing run of days, cached per day), MODEL the organisation's or team's own usage.")
    public @NonNull BreakdownReport usageBreakdown(
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity,
            @Name("by") @NonNull @Description("The dimension to split by.") UsageDimension by,
            @Name("vendor") @Description("Only this vendor.") Vendor vendor,
            @Name("team") @Id @Description("Only this team (vendor-qualified id); implies its vendor.") String team)
            throws ApiError {
        TimeWindow w = Windows.require(window, "window");
        if (team != null) {
            Ids.requireTeam(team, "team");
            if (vendor != null && Team.vendorOf(team) != vendor) {
                throw new ApiError.InvalidArgument("team " + team + " belongs to " + Team.vendorOf(team)
                        + ", not to vendor " + vendor + "; drop one of the two arguments.", "team");
            }
        }
        return Results.partial(breakdowns.breakdown(w, Windows.granularity(granularity), by, vendor, team),
                execution);
    }

    @Name("usageBreakdown")
    @Description("This team's usage split by language, IDE or model, one row per key per period (see "
            + "Query.usageBreakdown).")
    public @NonNull List<@NonNull BreakdownRow> teamBreakdown(@Source Team team,
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity,
            @Name("by") @NonNull @Description("The dimension to split by.") UsageDimension by) {
        try {
            TimeWindow w = Windows.require(window, "window");
            Outcome<BreakdownReport> report = breakdowns.breakdown(w, Windows.granularity(granularity), by,
                    team.vendor(), team.id());
            return Results.partial(report, report.value().rows(), execution);
        } catch (ApiError e) {
            execution.report(e);
            return List.of();
        }
    }

    @Name("usageBreakdown")
    @Description("This person's usage split by language, IDE or model, one row per vendor per key per period; the "
            + "rows add up to Person.usage. Windsurf MODEL rows hold chats only (Cascade names no person). Asked for "
            + "many people in one request, it is fetched once for all of them: a constant number of Windsurf calls, "
            + "at most one Tabnine call per person per missing run of days.")
    public @NonNull List<@NonNull BreakdownRow> personBreakdown(@Source Person person,
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity,
            @Name("by") @NonNull @Description("The dimension to split by.") UsageDimension by) {
        TimeWindow w;
        try {
            w = Windows.require(window, "window");
        } catch (ApiError e) {
            execution.report(e);
            return List.of();
        }
        Granularity g = Windows.granularity(granularity);
        Map<String, List<BreakdownRow>> known = execution.memo(List.of("Person.usageBreakdown", w, g, by),
                ConcurrentHashMap::new);
        synchronized (known) {
            if (!known.containsKey(person.id())) {
                List<Person> missing = execution.returnedWith(person).stream()
                        .filter(p -> !known.containsKey(p.id())).toList();
                Outcome<Map<String, List<BreakdownRow>>> fetched = breakdowns.breakdownByPerson(missing, w, g, by);
                known.putAll(Results.partial(fetched, fetched.value(), execution));
            }
            return known.get(person.id());
        }
    }
}
