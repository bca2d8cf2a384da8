package io.aiusage.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;

/** Seats of every configured vendor, and the people they belong to (merged by normalised e-mail). */
@ApplicationScoped
public class PeopleService {

    private final VendorConnectors connectors;
    private final Concurrently concurrently;

    public PeopleService(VendorConnectors connectors, Concurrently concurrently) {
        this.connectors = connectors;
        this.concurrently = concurrently;
    }

    /** Every account of every configured vendor ({@code vendor} null) or of one vendor. */
    public Outcome<List<VendorAccount>> accounts(Vendor vendor, TimeWindow activityWindow) {
        return concurrently.gather(connectors.configured(vendor), c -> c.accounts(activityWindow))
                .map(PeopleService::flatten);
    }

    /** Every person, ordered by id (normalised e-mail). */
    public Outcome<List<Person>> people(TimeWindow activityWindow) {
        return accounts(null, activityWindow).map(PeopleService::merge);
    }

    /** Every team of every configured vendor, or of one vendor. */
    public Outcome<List<Team>> teams(Vendor vendor) {
        return concurrently.gather(connectors.configured(vendor), VendorConnector::teams).map(teams -> flatten(teams)
                .stream().sorted(Comparator.comparing(Team::vendor).thenComparing(Team::name)).toList());
    }

    private static <T> List<T> flatten(List<List<T>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    /**
     * Groups accounts into people by normalised e-mail, ordered by id. Within a person, accounts are in vendor order;
     * the name is the first non-blank account name.
     */
    public static List<Person> merge(List<VendorAccount> accounts) {
        Map<String, List<VendorAccount>> byEmail = new LinkedHashMap<>();
        for (VendorAccount account : accounts) {
            String id = Person.normalizeEmail(account.email());
            if (id == null || id.isEmpty()) {
                continue;
            }
            byEmail.computeIfAbsent(id, k -> new ArrayList<>()).add(account);
        }
        return byEmail.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> toPerson(e.getKey(), e.getValue()))
                .toList();
    }

    private static Person toPerson(String id, List<VendorAccount> accounts) {
        List<VendorAccount> ordered = accounts.stream().sorted(Comparator.comparing(VendorAccount::vendor)).toList();
        String name = ordered.stream().map(VendorAccount::name).filter(n -> n != null && !n.isBlank())
                .findFirst().orElse(null);
        List<Vendor> vendors = ordered.stream().map(VendorAccount::vendor).distinct().toList();
        Instant lastActive = ordered.stream().map(VendorAccount::lastActiveAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Person(id, id, name, vendors, ordered, lastActive);
    }

    /** The account with its activity status re-derived for another idle threshold. */
    public static VendorAccount withIdleThreshold(VendorAccount account, Clock clock, int idleAfterDays) {
        SeatStatus status = SeatStatus.rederive(account.status(), account.lastActiveAt(), clock.instant(),
                idleAfterDays);
        if (status == account.status()) {
            return account;
        }
        return switch (account) {
            case WindsurfAccount w -> w.withStatus(status);
            case TabnineAccount t -> t.withStatus(status);
            default -> account;
        };
    }
}
