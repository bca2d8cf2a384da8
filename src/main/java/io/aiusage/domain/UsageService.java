package io.aiusage.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;

/** Usage roll-ups for the organisation, a team, or many people at once. */
@ApplicationScoped
public class UsageService {

    /** Buckets in report order: period start, then vendor. */
    public static final Comparator<UsageBucket> ORDER = Comparator.comparing(UsageBucket::from)
            .thenComparing(UsageBucket::vendor);

    private final VendorConnectors connectors;
    private final Concurrently concurrently;

    public UsageService(VendorConnectors connectors, Concurrently concurrently) {
        this.connectors = connectors;
        this.concurrently = concurrently;
    }

    /**
     * Usage of every configured vendor (or one), for the organisation or one team. A team id is vendor-qualified, so
     * it also picks the vendor. Each vendor's daily facts are rolled up here, the same way for every vendor.
     */
    public Outcome<UsageReport> usage(TimeWindow window, Granularity granularity, Vendor vendor, String teamId) {
        Vendor scope = teamId == null ? vendor : Team.vendorOf(teamId);
        String localTeamId = teamId == null ? null : Team.localIdOf(teamId);
        List<VendorConnector> asked = connectors.configured(scope);
        List<TimeWindow> periods = Periods.of(window, granularity);
        Outcome<List<List<UsageBucket>>> answers = concurrently.gather(asked,
                connector -> connector.usage(window, granularity, localTeamId)
                        .map(facts -> UsageRollup.buckets(connector.vendor(), facts, periods)));
        List<UsageBucket> buckets = new ArrayList<>();
        answers.value().forEach(buckets::addAll);
        buckets.sort(ORDER);
        return answers.map(all -> new UsageReport(granularity, buckets, answers.freshness()));
    }

    /**
     * Usage per person for many people, with a bounded number of vendor calls: each vendor is asked once for all of
     * its accounts among {@code people}. A person gets one bucket per vendor per period, however many accounts they
     * hold on that vendor (e-mails differing only in case): those accounts' figures are added up. Each person's list
     * is in report order.
     */
    public Outcome<Map<String, List<UsageBucket>>> usageByPerson(List<Person> people, TimeWindow window,
            Granularity granularity) {
        Map<Vendor, List<VendorAccount>> accountsByVendor = new EnumMap<>(Vendor.class);
        Map<Vendor, Map<String, List<String>>> accountsByPerson = new EnumMap<>(Vendor.class);
        for (Person person : people) {
            for (VendorAccount account : person.accounts()) {
                accountsByVendor.computeIfAbsent(account.vendor(), v -> new ArrayList<>()).add(account);
                accountsByPerson.computeIfAbsent(account.vendor(), v -> new LinkedHashMap<>())
                        .computeIfAbsent(person.id(), p -> new ArrayList<>()).add(account.accountId());
            }
        }
        List<VendorConnector> asked = connectors.configured(null).stream()
                .filter(c -> accountsByVendor.containsKey(c.vendor())).toList();
        List<TimeWindow> periods = Periods.of(window, granularity);
        Outcome<List<Map<String, List<UsageBucket>>>> answers = concurrently.gather(asked,
                connector -> connector.usageByAccount(accountsByVendor.get(connector.vendor()), window, granularity)
                        .map(facts -> UsageRollup.perGroup(connector.vendor(), facts,
                                accountsByPerson.get(connector.vendor()), periods)));
        Map<String, List<UsageBucket>> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p.id(), new ArrayList<>()));
        for (Map<String, List<UsageBucket>> answer : answers.value()) {
            answer.forEach((person, buckets) -> result.get(person).addAll(buckets));
        }
        result.values().forEach(list -> list.sort(ORDER));
        return answers.map(all -> result);
    }
}
