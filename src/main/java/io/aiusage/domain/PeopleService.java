package io.aiusage.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;

/** Seats of every configured vendor, and the people they belong to (merged by normalised e-mail). */
@ApplicationScoped
public class PeopleService {

    private final VendorConnectors connectors;
    private final Concurrently concurrently;
    private final LastResult<List<Person>> merged = new LastResult<>();

    public PeopleService(VendorConnectors connectors, Concurrently concurrently) {
        this.connectors = connectors;
        this.concurrently = concurrently;
    }

    /** Every account of every configured vendor ({@code vendor} null) or of one vendor. */
    public Outcome<List<VendorAccount>> accounts(Vendor vendor, TimeWindow activityWindow) {
        return concurrently.gather(connectors.configured(vendor), c -> c.accounts(activityWindow))
                .map(PeopleService::flatten);
    }

    /**
     * Every person, ordered by id (normalised e-mail). The merge is reused while every vendor hands back the same
     * account list (a connector reuses its list while its cached entries are unchanged).
     */
    public Outcome<List<Person>> people(TimeWindow activityWindow) {
        return concurrently.gather(connectors.configured(null), c -> c.accounts(activityWindow))
                .map(lists -> merged.get(lists, "", Instant.EPOCH, () -> merge(flatten(lists)), x -> Instant.MAX));
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
        return people(byEmail(accounts), group -> true);
    }

    /**
     * The people of {@link #merge} who hold accounts on two or more vendors, in the same order: only they are built
     * and sorted (a seat overview of 50,000 people asks for them on every request, and most people use one vendor).
     */
    public static List<Person> onSeveralVendors(List<VendorAccount> accounts) {
        return people(byEmail(accounts), PeopleService::severalVendors);
    }

    private static Map<String, List<VendorAccount>> byEmail(List<VendorAccount> accounts) {
        Map<String, List<VendorAccount>> byEmail = HashMap.newHashMap(accounts.size());
        for (VendorAccount account : accounts) {
            String id = Person.normalizeEmail(account.email());
            if (id == null || id.isEmpty()) {
                continue;
            }
            byEmail.computeIfAbsent(id, k -> new ArrayList<>(1)).add(account);
        }
        return byEmail;
    }

    private static boolean severalVendors(List<VendorAccount> accounts) {
        for (VendorAccount account : accounts) {
            if (account.vendor() != accounts.getFirst().vendor()) {
                return true;
            }
        }
        return false;
    }

    /** The groups {@code keep} accepts as people, ordered by id. */
    private static List<Person> people(Map<String, List<VendorAccount>> byEmail,
            Predicate<List<VendorAccount>> keep) {
        List<String> ids = new ArrayList<>();
        byEmail.forEach((id, accounts) -> {
            if (keep.test(accounts)) {
                ids.add(id);
            }
        });
        ids.sort(Comparator.naturalOrder());
        List<Person> people = new ArrayList<>(ids.size());
        for (String id : ids) {
            people.add(toPerson(id, byEmail.get(id)));
        }
        return Collections.unmodifiableList(people);
    }

    /** Loops, not streams: a 50,000-person organisation merges its accounts on every seat overview. */
    private static Person toPerson(String id, List<VendorAccount> accounts) {
        List<VendorAccount> ordered = accounts;
        if (accounts.size() > 1) {
            ordered = new ArrayList<>(accounts);
            ordered.sort(Comparator.comparing(VendorAccount::vendor));
        }
        String name = null;
        List<Vendor> vendors = new ArrayList<>(2);
        Instant lastActive = null;
        for (VendorAccount account : ordered) {
            if (name == null && account.name() != null && !account.name().isBlank()) {
                name = account.name();
            }
            if (!vendors.contains(account.vendor())) {
                vendors.add(account.vendor());
            }
            Instant at = account.lastActiveAt();
            if (at != null && (lastActive == null || at.isAfter(lastActive))) {
                lastActive = at;
            }
        }
        return new Person(id, id, name, List.copyOf(vendors), List.copyOf(ordered), lastActive);
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
