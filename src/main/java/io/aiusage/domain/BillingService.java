package io.aiusage.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.AgentCostConnector;
import io.aiusage.domain.port.CreditConnector;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/**
 * What assistants cost: credit balances, each person's credits, add-on credit caps (read and set, every change
 * audited in the log) and per-person agent cost. A vendor is asked only when it is configured and bills that way.
 */
@ApplicationScoped
public class BillingService {

    private final VendorConnectors connectors;
    private final Map<Vendor, CreditConnector> credits = new EnumMap<>(Vendor.class);
    private final Map<Vendor, AgentCostConnector> agentCosts = new EnumMap<>(Vendor.class);
    private final Concurrently concurrently;
    private final Clock clock;

    public BillingService(VendorConnectors connectors, @All List<CreditConnector> credits,
            @All List<AgentCostConnector> agentCosts, Concurrently concurrently, Clock clock) {
        this.connectors = connectors;
        credits.forEach(c -> this.credits.put(c.vendor(), c));
        agentCosts.forEach(c -> this.agentCosts.put(c.vendor(), c));
        this.concurrently = concurrently;
        this.clock = clock;
    }

    /** The current cycle's balance of every configured credit-billed vendor. */
    public Outcome<List<CreditBalance>> balances() {
        return concurrently.gather(creditVendors(null), c -> credits.get(c.vendor()).creditBalance());
    }

    /** Every person's credits this cycle on {@code vendor}, most used first (e-mails normalised). */
    public Outcome<List<PersonCredits>> creditsByPerson(Vendor vendor) {
        Outcome<List<List<PersonCredits>>> answers = concurrently.gather(creditVendors(vendor),
                c -> credits.get(c.vendor()).creditsByPerson());
        List<PersonCredits> people = new ArrayList<>();
        answers.value().forEach(list -> list.forEach(p -> people.add(new PersonCredits(p.vendor(),
                Person.normalizeEmail(p.email()), p.name(), p.promptCreditsUsed()))));
        people.sort(Comparator.comparing(PersonCredits::promptCreditsUsed).reversed()
                .thenComparing(PersonCredits::email));
        return answers.map(all -> List.copyOf(people));
    }

    /** The cap at {@code scope} on the credit-billed vendor (Windsurf); empty when no such vendor is configured. */
    public Optional<Outcome<CreditCap>> creditCap(CapScope scope) {
        return creditVendor().map(c -> concurrently.gather(List.of(c), v -> credits.get(v.vendor()).creditCap(scope))
                .map(caps -> caps.isEmpty() ? null : caps.getFirst()));
    }

    /**
     * Sets ({@code cap} not null, not negative) or clears ({@code cap} null) the cap at {@code scope}, and writes an
     * audit line either way: who, what, when and whether the vendor accepted it (never a credential). Empty when no
     * credit-billed vendor is configured.
     */
    public Optional<CreditCap> changeCreditCap(String actor, CapScope scope, Long cap) {
        Optional<VendorConnector> vendor = creditVendor();
        if (vendor.isEmpty()) {
            return Optional.empty();
        }
        CreditConnector connector = credits.get(vendor.get().vendor());
        String what = cap == null ? "clear the add-on credit cap at " + scope
                : "set the add-on credit cap at " + scope + " to " + cap;
        try {
            CreditCap changed = cap == null ? connector.clearCreditCap(scope) : connector.setCreditCap(scope, cap);
            Log.infof("AUDIT %s: %s did %s on %s", clock.instant(), actor, what, connector.vendor());
            return Optional.of(changed);
        } catch (VendorException e) {
            Log.warnf("AUDIT %s: %s tried to %s on %s; the vendor refused (%s)", clock.instant(), actor, what,
                    connector.vendor(), e.code());
            throw e;
        }
    }

    /**
     * Each person's agent cost per period, for the given e-mails (already normalised): one vendor call per person
     * per missing run of days, so the caller bounds the list. A person without an account gets no rows.
     */
    public Outcome<List<AgentCost>> agentCost(List<String> emails, TimeWindow window, Granularity granularity) {
        List<VendorConnector> asked = connectors.configured(null).stream()
                .filter(c -> agentCosts.containsKey(c.vendor())).toList();
        List<TimeWindow> periods = Periods.of(window, granularity);
        Outcome<List<List<AgentCost>>> answers = concurrently.gather(asked, c -> agentCosts.get(c.vendor())
                .agentCostByEmail(emails, window).map(byEmail -> rollUp(c.vendor(), emails, byEmail, periods)));
        List<AgentCost> rows = new ArrayList<>();
        answers.value().forEach(rows::addAll);
        return answers.map(all -> List.copyOf(rows));
    }

    private static List<AgentCost> rollUp(Vendor vendor, List<String> emails, Map<String, List<DailyUsage>> byEmail,
            List<TimeWindow> periods) {
        List<AgentCost> rows = new ArrayList<>();
        for (String email : emails) {
            List<DailyUsage> days = byEmail.get(email);
            if (days == null) {
                continue;
            }
            UsageFacts facts = UsageFacts.countable(days.isEmpty() ? UsageFigures.NONE
                    : new UsageFigures(null, null, null, null, null, 0L, 0L, null, 0.0), days);
            for (UsageBucket b : UsageRollup.buckets(vendor, facts, periods)) {
                rows.add(new AgentCost(vendor, email, b.from(), b.to(), b.cost(), b.inputTokens(),
                        b.outputTokens()));
            }
        }
        return rows;
    }

    private List<VendorConnector> creditVendors(Vendor vendor) {
        return connectors.configured(vendor).stream().filter(c -> credits.containsKey(c.vendor())).toList();
    }

    /** The one configured credit-billed vendor, if any (caps are a Windsurf notion). */
    private Optional<VendorConnector> creditVendor() {
        return creditVendors(null).stream().findFirst();
    }
}
