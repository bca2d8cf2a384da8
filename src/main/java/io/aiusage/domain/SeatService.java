package io.aiusage.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.aiusage.domain.port.VendorException;

/** The seat report: utilisation per vendor and team, reclaimable seats, people paying twice. */
@ApplicationScoped
public class SeatService {

    private final VendorConnectors connectors;
    private final Clock clock;

    public SeatService(VendorConnectors connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    /**
     * The report over {@code seats}: every account of the configured vendors, as fetched once for the request, with
     * each answering vendor's freshness. A vendor that failed has no utilisation row and no freshness entry; its
     * failure stays in the outcome, beside the warnings of the vendors that answered.
     */
    public Outcome<SeatReport> report(Outcome<List<VendorAccount>> seats, int idleAfterDays) {
        Set<Vendor> failed = seats.failures().stream().map(VendorException::vendor).collect(Collectors.toSet());
        List<VendorAccount> accounts = seats.value().stream()
                .map(a -> PeopleService.withIdleThreshold(a, clock, idleAfterDays)).toList();
        List<SeatUtilization> utilization = new ArrayList<>();
        for (VendorConnector connector : connectors.configured(null)) {
            Vendor vendor = connector.vendor();
            if (!failed.contains(vendor)) {
                utilization.add(count(vendor, accounts.stream().filter(a -> a.vendor() == vendor).toList()));
            }
        }
        List<VendorAccount> idle = accounts.stream().filter(a -> a.status() == SeatStatus.IDLE)
                .sorted(Comparator.comparing(VendorAccount::lastActiveAt, Comparator.reverseOrder())
                        .thenComparing(VendorAccount::email))
                .toList();
        List<VendorAccount> neverUsed = accounts.stream().filter(a -> a.status() == SeatStatus.NEVER_USED)
                .sorted(Comparator.comparing(VendorAccount::email).thenComparing(VendorAccount::vendor))
                .toList();
        List<Person> overlapping = PeopleService.onSeveralVendors(
                accounts.stream().filter(SeatService::assigned).toList());
        return seats.map(all -> new SeatReport(utilization, idle, neverUsed, overlapping, seats.freshness()));
    }

    /** Counts of each status, per vendor. */
    public static SeatUtilization count(Vendor vendor, List<VendorAccount> accounts) {
        Map<SeatStatus, Integer> counts = new EnumMap<>(SeatStatus.class);
        for (SeatStatus s : SeatStatus.values()) {
            counts.put(s, 0);
        }
        accounts.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        int active = counts.get(SeatStatus.ACTIVE);
        int idle = counts.get(SeatStatus.IDLE);
        int never = counts.get(SeatStatus.NEVER_USED);
        return new SeatUtilization(vendor, active + idle + never, active, idle, counts.get(SeatStatus.PENDING),
                counts.get(SeatStatus.DEACTIVATED), never);
    }

    /** A seat someone holds: not a pending invitation, not deactivated. */
    public static boolean assigned(VendorAccount account) {
        return !account.status().isLifecycle();
    }

    /** Accounts in {@code teamId}. */
    public static Predicate<VendorAccount> inTeam(String teamId) {
        return a -> a.teams().stream().anyMatch(t -> t.id().equals(teamId));
    }
}
