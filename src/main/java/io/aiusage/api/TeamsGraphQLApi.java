package io.aiusage.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.Outcome;
import io.aiusage.domain.PeopleService;
import io.aiusage.domain.Person;
import io.aiusage.domain.SeatService;
import io.aiusage.domain.SeatUtilization;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageReport;
import io.aiusage.domain.UsageService;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.VendorException;

/** Teams of every vendor, their members, seat utilisation and usage. */
@GraphQLApi
public class TeamsGraphQLApi {

    private final PeopleService peopleService;
    private final UsageService usageService;
    private final PeopleGraphQLApi people;
    private final Execution execution;

    public TeamsGraphQLApi(PeopleService peopleService, UsageService usageService, PeopleGraphQLApi people,
            Execution execution) {
        this.peopleService = peopleService;
        this.usageService = usageService;
        this.people = people;
        this.execution = execution;
    }

    @Query("teams")
    @Description("Teams of every configured vendor (Tabnine teams; the Windsurf groups named in WINDSURF_GROUPS, "
            + "since Windsurf has no API listing them), ordered by vendor then name.")
    public @NonNull List<@NonNull Team> teams(
            @Name("vendor") @Description("Only this vendor's teams.") Vendor vendor) {
        return Results.partial(peopleService.teams(vendor), execution);
    }

    @Query("team")
    @Description("One team by its vendor-qualified id; null when the vendor has no such team.")
    public Team team(@Name("id") @NonNull @Id @Description("TABNINE:<uuid> or WINDSURF:<group name>.") String id)
            throws ApiError {
        Ids.requireTeam(id, "id");
        Outcome<List<Team>> teams = peopleService.teams(Team.vendorOf(id));
        Team team = teams.value().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        return Results.partial(teams, team, execution);
    }

    @Name("members")
    @Description("People with an account in this team, ordered by e-mail, one page at a time. Personal data: null, "
            + "with a FORBIDDEN error, for a caller without the people-reader role.")
    public PersonConnection members(@Source Team team,
            @Name("first") @DefaultValue("100") @Description("Page size, 0 to 1000.") Integer first,
            @Name("after") @Description("pageInfo.endCursor of the previous page.") String after) {
        Outcome<List<Person>> all = people.people(null);
        try {
            PersonConnection page = Pages.page(all.value().stream()
                    .filter(PeopleGraphQLApi.filter(null, team.id(), null, null)).toList(), first, after);
            execution.returned(page.nodes());
            return Results.partial(all, page, execution);
        } catch (ApiError e) {
            execution.report(e);
            return new PersonConnection(0, List.of(), new PageInfo(false, null));
        }
    }

    @Name("utilization")
    @Description("Seat counts of this team's accounts (30-day idle threshold); null when the vendor failed.")
    public List<SeatUtilization> utilization(@Source List<Team> teams) {
        Outcome<List<Person>> all = people.people(null);
        Set<Vendor> failed = all.failures().stream().map(VendorException::vendor).collect(Collectors.toSet());
        // one pass over the accounts, grouped by team, rather than one pass per team
        Map<String, List<VendorAccount>> byTeam = new HashMap<>();
        for (Person person : all.value()) {
            for (VendorAccount account : person.accounts()) {
                account.teams().stream().map(Team::id).distinct()
                        .forEach(id -> byTeam.computeIfAbsent(id, k -> new ArrayList<>()).add(account));
            }
        }
        List<SeatUtilization> result = teams.stream().map(t -> failed.contains(t.vendor()) ? null
                : SeatService.count(t.vendor(), byTeam.getOrDefault(t.id(), List.of()))).toList();
        return Results.partial(all, result, execution);
    }

    @Name("usage")
    @Description("This team's usage over the window, one bucket per period (Windsurf: Custom Analytics and "
            + "CascadeAnalytics scoped by group_name; Tabnine: team usage and team agent-usage).")
    public @NonNull List<@NonNull UsageBucket> usage(@Source Team team,
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity) {
        try {
            TimeWindow w = Windows.require(window, "window");
            Outcome<UsageReport> report = usageService.usage(w, Windows.granularity(granularity), team.vendor(), team.id());
            return Results.partial(report, report.value().buckets(), execution);
        } catch (ApiError e) {
            execution.report(e);
            return List.of();
        }
    }
}
