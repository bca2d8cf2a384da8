package io.aiusage.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.vendor.VendorConnector;
import io.aiusage.vendor.VendorConnectors;
import io.aiusage.vendor.VendorException;

/** Usage roll-ups for the organisation, a team, or many people at once. */
@ApplicationScoped
public class UsageService {

    /** Buckets in report order: period start, then vendor. */
    public static final Comparator<UsageBucket> ORDER = Comparator.comparing(UsageBucket::from)
            .thenComparing(UsageBucket::vendor);

    private final VendorConnectors connectors;
    private final Clock clock;

    public UsageService(VendorConnectors connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    /**
     * Usage of every configured vendor (or one), for the organisation or one team. A team id is vendor-qualified, so
     * it also picks the vendor.
     */
    public Outcome<UsageReport> usage(TimeWindow window, Granularity granularity, Vendor vendor, String teamId) {
        Vendor scope = teamId == null ? vendor : Team.vendorOf(teamId);
        List<UsageBucket> buckets = new ArrayList<>();
        List<Freshness> freshness = new ArrayList<>();
        List<VendorException> failures = new ArrayList<>();
        for (VendorConnector connector : connectors.configured(scope)) {
            try {
                buckets.addAll(connector.usage(window, granularity, teamId == null ? null : Team.localIdOf(teamId)));
                freshness.add(Freshness.live(connector.vendor(), clock.instant()));
            } catch (VendorException e) {
                failures.add(e);
            }
        }
        buckets.sort(ORDER);
        return new Outcome<>(new UsageReport(granularity, buckets, freshness), failures);
    }

    /**
     * Usage per person for many people, with a bounded number of vendor calls: each vendor is asked once for all of
     * its accounts among {@code people}. Each person's list is in report order.
     */
    public Outcome<Map<String, List<UsageBucket>>> usageByPerson(List<Person> people, TimeWindow window,
            Granularity granularity) {
        Map<String, List<UsageBucket>> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p.id(), new ArrayList<>()));
        List<VendorException> failures = new ArrayList<>();
        for (VendorConnector connector : connectors.configured(null)) {
            Map<String, String> personByAccount = new HashMap<>();
            List<VendorAccount> accounts = new ArrayList<>();
            for (Person person : people) {
                for (VendorAccount account : person.accounts()) {
                    if (account.vendor() == connector.vendor()) {
                        accounts.add(account);
                        personByAccount.put(account.accountId(), person.id());
                    }
                }
            }
            if (accounts.isEmpty()) {
                continue;
            }
            try {
                connector.usageByAccount(accounts, window, granularity).forEach(
                        (accountId, buckets) -> result.get(personByAccount.get(accountId)).addAll(buckets));
            } catch (VendorException e) {
                failures.add(e);
            }
        }
        result.values().forEach(list -> list.sort(ORDER));
        return new Outcome<>(result, failures);
    }
}
