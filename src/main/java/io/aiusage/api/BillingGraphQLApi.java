package io.aiusage.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.aiusage.config.BillingConfig;
import io.aiusage.domain.AgentCost;
import io.aiusage.domain.BillingService;
import io.aiusage.domain.CapScope;
import io.aiusage.domain.CreditBalance;
import io.aiusage.domain.CreditCap;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Outcome;
import io.aiusage.domain.Person;
import io.aiusage.domain.PersonCredits;
import io.aiusage.domain.TimeWindow;

/**
 * What the assistants cost, for finance teams: credit balances with each person's credits, add-on credit caps, and
 * per-person agent cost. Tabnine's agent cost of the organisation and of teams is in the usage buckets ({@code cost}).
 */
@GraphQLApi
public class BillingGraphQLApi {

    private final BillingService billing;
    private final Access access;
    private final BillingConfig config;
    private final Execution execution;

    public BillingGraphQLApi(BillingService billing, Access access, BillingConfig config, Execution execution) {
        this.billing = billing;
        this.access = access;
        this.config = config;
        this.execution = execution;
    }

    @Query("creditBalance")
    @Description("Prompt credits of the current billing cycle of every configured vendor that bills in credits "
            + "(Windsurf GetTeamCreditBalance), cached like other data without a window (cache.<vendor>."
            + "reference-ttl). Only the current cycle is known.")
    public @NonNull List<@NonNull CreditBalance> creditBalance() {
        return Results.partial(billing.balances(), execution);
    }

    @Name("promptCreditsUsed")
    @Description("Prompt credits used this cycle by all seats together: the sum of UserPageAnalytics "
            + "promptCreditsUsed, in the vendor's unit (not documented: credits or hundredths of one).")
    public Long promptCreditsUsed(@Source CreditBalance balance) {
        Outcome<List<PersonCredits>> people = billing.creditsByPerson(balance.vendor());
        Long total = people.failures().isEmpty()
                ? people.value().stream().mapToLong(PersonCredits::promptCreditsUsed).sum()
                : null;
        return Results.partial(people, total, execution);
    }

    @Name("people")
    @Description("Each person's prompt credits this cycle (UserPageAnalytics promptCreditsUsed), most used first. "
            + "Personal data: null, with a FORBIDDEN error, for a caller without the people-reader role.")
    public List<@NonNull PersonCredits> people(@Source CreditBalance balance,
            @Name("first") @DefaultValue("100") @Description("How many people, 0 to 1000.") Integer first) {
        int size = first == null ? 100 : first;
        if (size < 0 || size > Pages.MAX_FIRST) {
            execution.report(new ApiError.InvalidArgument("first must be between 0 and " + Pages.MAX_FIRST + " (got "
                    + size + ").", "first"));
            return null;
        }
        Outcome<List<PersonCredits>> people = billing.creditsByPerson(balance.vendor());
        return Results.partial(people, people.value().stream().limit(size).toList(), execution);
    }

    @Query("creditCap")
    @Description("The add-on credit cap at one scope (Windsurf GetUsageConfig), cached like other data without a "
            + "window and forgotten as soon as setCreditCap or clearCreditCap changes it; null when no vendor billing "
            + "in credits is configured. A user's cap is personal data: null, with a FORBIDDEN error, for a caller "
            + "without the people-reader role.")
    public CreditCap creditCap(@Name("scope") @NonNull @Description("Exactly one of team, groupId or userEmail.")
            CreditCapScopeInput scope) throws ApiError {
        CapScope where = scope.require("scope");
        if (where.personal() && !access.allows(execution.caller(), Access.Data.PERSONAL)) {
            throw access.forbidden(Access.Data.PERSONAL, "creditCap(scope: {userEmail})");
        }
        Optional<Outcome<CreditCap>> cap = billing.creditCap(where);
        return cap.isEmpty() ? null : Results.partial(cap.get(), execution);
    }

    @Query("agentCost")
    @Description("Agent tokens and cost per person and period (Tabnine user agent-usage), for the people named: "
            + "one Tabnine call per person per missing run of days (cached per day), so at most "
            + "billing.agent-cost-max-people (default 50) e-mails per query. A person without a Tabnine account gets "
            + "no rows. Personal data: null, with a FORBIDDEN error, for a caller without the people-reader role.")
    public List<@NonNull AgentCost> agentCost(
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("TOTAL") @Description("Period size.") Granularity granularity,
            @Name("emails") @NonNull @Description("The people's e-mails (any case, spaces ignored).")
            List<@NonNull String> emails) throws ApiError {
        TimeWindow w = Windows.require(window, "window");
        Set<String> people = new LinkedHashSet<>();
        emails.forEach(e -> people.add(Person.normalizeEmail(e)));
        if (people.size() > config.agentCostMaxPeople()) {
            throw new ApiError.InvalidArgument("emails names " + people.size() + " people; at most "
                    + config.agentCostMaxPeople() + " per query (billing.agent-cost-max-people), since each costs "
                    + "Tabnine a call. Split the list.", "emails");
        }
        Granularity g = granularity == null ? Granularity.TOTAL : granularity;
        return Results.partial(billing.agentCost(List.copyOf(people), w, g), execution);
    }
}
