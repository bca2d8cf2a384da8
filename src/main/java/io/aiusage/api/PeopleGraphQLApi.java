package io.aiusage.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.UsageService;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;

/** People (seat holders merged across vendors by e-mail) and their usage. */
@GraphQLApi
public class PeopleGraphQLApi {

    private final PeopleService peopleService;
    private final UsageService usageService;
    private final Execution execution;

    public PeopleGraphQLApi(PeopleService peopleService, UsageService usageService, Execution execution) {
        this.peopleService = peopleService;
        this.usageService = usageService;
        this.execution = execution;
    }

    @Query("people")
    @Description("People holding a seat on any configured vendor, merged by e-mail, ordered by e-mail, one page at a "
            + "time. Filters combine with AND. Personal data: null, with a FORBIDDEN error, for a caller without the "
            + "people-reader role.")
    public PersonConnection people(
            @Name("window") @Description("Scopes window-dependent account figures (Windsurf activeDays). Without "
                    + "it, each vendor's default applies (Windsurf: the last year).") WindowInput window,
            @Name("vendor") @Description("Only people with an account on this vendor.") Vendor vendor,
            @Name("team") @Id @Description("Only members of this team (vendor-qualified id, e.g. TABNINE:<uuid> or "
                    + "WINDSURF:<group>).") String team,
            @Name("status") @Description("Only people with an account in this seat status (on `vendor` when "
                    + "given).") SeatStatus status,
            @Name("search") @Description("Case-insensitive substring of the e-mail or of any account's name.") String search,
            @Name("first") @DefaultValue("100") @Description("Page size, 0 to 1000.") Integer first,
            @Name("after") @Description("pageInfo.endCursor of the previous page.") String after) throws ApiError {
        TimeWindow activity = Windows.optional(window, "window");
        if (team != null) {
            Ids.requireTeam(team, "team");
        }
        Outcome<List<Person>> all = people(activity);
        // without a filter every person matches (each holds an account): a page costs no pass over everyone
        boolean unfiltered = vendor == null && team == null && status == null && (search == null || search.isBlank());
        List<Person> matching = unfiltered ? all.value()
                : all.value().stream().filter(filter(vendor, team, status, search)).toList();
        PersonConnection page = Pages.page(matching, first, after);
        execution.returned(page.nodes());
        return Results.partial(all, page, execution);
    }

    @Query("person")
    @Description("One person by e-mail (any case, surrounding spaces ignored); null when nobody holds a seat with it. "
            + "Personal data: null, with a FORBIDDEN error, for a caller without the people-reader role.")
    public Person person(
            @Name("email") @NonNull @Description("The person's e-mail.") String email,
            @Name("window") @Description("As in people(window:).") WindowInput window) throws ApiError {
        TimeWindow activity = Windows.optional(window, "window");
        String id = Person.normalizeEmail(email);
        Outcome<List<Person>> all = people(activity);
        Person person = all.value().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (person != null) {
            execution.returned(List.of(person));
        }
        return Results.partial(all, person, execution);
    }

    @Name("usage")
    @Description("This person's usage over the window, one bucket per vendor per period. A person with several accounts "
            + "on one vendor (e-mails differing only in case) gets one bucket for it: the accounts' figures added up, "
            + "activeUsers 1 when any of them was active; left out when one of them could not be read. Windsurf "
            + "per-person buckets carry autocomplete and chat figures; its Cascade figures (agentMessages, "
            + "agentLinesAccepted, credits) are null because Windsurf reports Cascade only per group or e-mail list, "
            + "not per person in bulk. "
            + "Tabnine per-person cost is null (agent cost is reported for the organisation and teams). Asked for "
            + "many people in one request, it is fetched once for all of them.")
    public @NonNull List<@NonNull UsageBucket> usage(
            @Source Person person,
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("DAY") @Description("Period size.") Granularity granularity) {
        TimeWindow w;
        try {
            w = Windows.require(window, "window");
        } catch (ApiError e) {
            execution.report(e);
            return List.of();
        }
        Granularity g = Windows.granularity(granularity);
        Map<String, List<UsageBucket>> known = execution.memo(List.of("Person.usage", w, g), ConcurrentHashMap::new);
        synchronized (known) {
            if (!known.containsKey(person.id())) {
                List<Person> missing = execution.returnedWith(person).stream()
                        .filter(p -> !known.containsKey(p.id())).toList();
                Outcome<Map<String, List<UsageBucket>>> fetched = usageService.usageByPerson(missing, w, g);
                known.putAll(Results.partial(fetched, fetched.value(), execution));
            }
            return known.get(person.id());
        }
    }

    /** Every person, fetched once per execution and activity window. */
    Outcome<List<Person>> people(TimeWindow activity) {
        return execution.memo("people|" + activity, () -> peopleService.people(activity));
    }

    /** The people filter of {@code people(...)}, also used by {@code Team.members}. */
    static Predicate<Person> filter(Vendor vendor, String team, SeatStatus status, String search) {
        String needle = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        Predicate<VendorAccount> accountMatches = a -> (vendor == null || a.vendor() == vendor)
                && (team == null || a.teams().stream().anyMatch(t -> t.id().equals(team)))
                && (status == null || a.status() == status);
        Predicate<VendorAccount> nameMatches = a -> a.name() != null
                && a.name().toLowerCase(Locale.ROOT).contains(needle);
        return p -> p.accounts().stream().anyMatch(accountMatches)
                && (needle == null || p.email().contains(needle) || p.accounts().stream().anyMatch(nameMatches));
    }
}
