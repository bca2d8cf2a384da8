package io.aiusage.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.BreakdownConnector;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.quarkus.arc.All;

/**
 * Usage split by language, IDE or model for the organisation, a team or many people at once. Vendors are asked at
 * once; a vendor is asked only when it is configured and has a {@link BreakdownConnector}.
 */
@ApplicationScoped
public class BreakdownService {

    private final VendorConnectors connectors;
    private final Map<Vendor, BreakdownConnector> breakdowns = new EnumMap<>(Vendor.class);
    private final Concurrently concurrently;

    public BreakdownService(VendorConnectors connectors, @All List<BreakdownConnector> breakdowns,
            Concurrently concurrently) {
        this.connectors = connectors;
        breakdowns.forEach(b -> this.breakdowns.put(b.vendor(), b));
        this.concurrently = concurrently;
    }

    /** The breakdown of every configured vendor (or one), for the organisation or one team (which implies its vendor). */
    public Outcome<BreakdownReport> breakdown(TimeWindow window, Granularity granularity, UsageDimension dimension,
            Vendor vendor, String teamId) {
        Vendor scope = teamId == null ? vendor : Team.vendorOf(teamId);
        String localTeamId = teamId == null ? null : Team.localIdOf(teamId);
        List<TimeWindow> periods = Periods.of(window, granularity);
        Outcome<List<List<BreakdownRow>>> answers = concurrently.gather(asked(scope),
                connector -> breakdowns.get(connector.vendor()).breakdown(window, dimension, localTeamId)
                        .map(facts -> UsageBreakdown.rows(connector.vendor(), dimension, facts, periods)));
        List<BreakdownRow> rows = new ArrayList<>();
        answers.value().forEach(rows::addAll);
        rows.sort(UsageBreakdown.ORDER);
        return answers.map(all -> new BreakdownReport(dimension, granularity, List.copyOf(rows),
                answers.freshness()));
    }

    /**
     * Each person's rows, with a bounded number of vendor calls: each vendor is asked once for all of its accounts
     * among {@code people}. Each person's list is in report order.
     */
    public Outcome<Map<String, List<BreakdownRow>>> breakdownByPerson(List<Person> people, TimeWindow window,
            Granularity granularity, UsageDimension dimension) {
        Map<String, String> personByAccount = new HashMap<>();
        Map<Vendor, List<VendorAccount>> accountsByVendor = new EnumMap<>(Vendor.class);
        for (Person person : people) {
            for (VendorAccount account : person.accounts()) {
                accountsByVendor.computeIfAbsent(account.vendor(), v -> new ArrayList<>()).add(account);
                personByAccount.put(account.vendor() + "|" + account.accountId(), person.id());
            }
        }
        List<VendorConnector> asked = asked(null).stream().filter(c -> accountsByVendor.containsKey(c.vendor()))
                .toList();
        List<TimeWindow> periods = Periods.of(window, granularity);
        Outcome<List<Map<String, List<BreakdownRow>>>> answers = concurrently.gather(asked, connector -> {
            Vendor v = connector.vendor();
            List<VendorAccount> accounts = accountsByVendor.get(v);
            List<String> ids = accounts.stream().map(VendorAccount::accountId).toList();
            return breakdowns.get(v).breakdownByAccount(accounts, window, dimension).map(facts -> {
                Map<String, List<BreakdownRow>> tagged = new HashMap<>();
                UsageBreakdown.perAccount(v, dimension, facts, ids, periods)
                        .forEach((account, rows) -> tagged.put(v + "|" + account, rows));
                return tagged;
            });
        });
        Map<String, List<BreakdownRow>> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p.id(), new ArrayList<>()));
        for (Map<String, List<BreakdownRow>> answer : answers.value()) {
            answer.forEach((account, rows) -> result.get(personByAccount.get(account)).addAll(rows));
        }
        result.values().forEach(list -> list.sort(UsageBreakdown.ORDER));
        return answers.map(all -> result);
    }

    /** Configured vendors (all, or only {@code vendor}) that have breakdowns. */
    private List<VendorConnector> asked(Vendor vendor) {
        return connectors.configured(vendor).stream().filter(c -> breakdowns.containsKey(c.vendor())).toList();
    }
}
