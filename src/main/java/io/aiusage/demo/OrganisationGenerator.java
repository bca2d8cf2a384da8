package io.aiusage.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.aiusage.config.DemoConfig;

/**
 * Builds the synthetic organisation. Each person and vendor draws from its own random stream derived from the seed,
 * so the result depends only on the settings. The two vendors are rolled out differently, as in a real organisation
 * ({@link VendorProfile#WINDSURF}, {@link VendorProfile#TABNINE}). Shares (rounded, at least one each from ten seats
 * up):
 * <ul>
 * <li>vendors: 40 % of people on Windsurf only, 25 % on Tabnine only, the other 35 % on both;</li>
 * <li>Windsurf seats: 3 % pending, 6 % disabled, 5 % never active, 8 % idle (last activity 31 to 150 days before the
 * anchor date), the rest active up to the anchor date;</li>
 * <li>Tabnine users: 10 % pending, 4 % deactivated, 14 % never active, 15 % idle, the rest active;</li>
 * <li>groups: Windsurf engineering 50 %, platform 12 %, data-science 10 %, mobile 12 %, the rest in none; Tabnine
 * teams: Everyone 20 %, Backend 25 %, Frontend 15 %, Platform 8 %, Data 8 %, Mobile 6 %, QA 4 %, the rest in none;</li>
 * <li>activity on some weekdays (per person: Windsurf 55 to 95 %, Tabnine 35 to 85 %) and rarely at weekends, with a
 * per-person intensity (Windsurf 0.6 to 2.2, Tabnine 0.3 to 1.5);</li>
 * <li>agents: 85 % of Windsurf Editor and JetBrains users (the VS Code plugin has none) use Cascade, on 70 % of their
 * active days; 35 % of Tabnine users use its agent, on 30 % of theirs.</li>
 * </ul>
 */
final class OrganisationGenerator {

    /** The languages people write, on either vendor. */
    static final List<String> LANGUAGES = List.of("JAVA", "KOTLIN", "PYTHON", "GO", "TYPESCRIPT", "RUST", "SWIFT",
            "SQL");

    private static final String DOMAIN = "example.com";
    private static final List<String> FIRST_NAMES = List.of("Alice", "Bob", "Carla", "David", "Elena", "Farid",
            "Grace", "Hugo", "Ines", "Jonas", "Kenji", "Laura", "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa",
            "Samir", "Tanja", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Anna", "Bruno", "Chloe", "Dmitri",
            "Emma", "Felix", "Gita", "Henrik", "Ivy", "Jamal", "Kara", "Liam", "Mia", "Noah");
    private static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Costa", "Dubois", "Eriksen", "Fischer",
            "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov",
            "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Bianchi",
            "Novak", "Silva", "Khan");

    private final DemoSettings settings;
    private final WindsurfSeatBuilder windsurf;
    private final TabnineSeatBuilder tabnine;

    OrganisationGenerator(DemoSettings settings) {
        this.settings = settings;
        Timeline timeline = new Timeline(settings);
        this.windsurf = new WindsurfSeatBuilder(settings.seed(), timeline, VendorProfile.WINDSURF);
        this.tabnine = new TabnineSeatBuilder(settings.seed(), timeline, VendorProfile.TABNINE);
    }

    DemoOrganisation generate() {
        SplittableRandom random = Draws.random(settings.seed(), "organisation", 0);
        int people = settings.people();
        List<Identity> identities = identities(random, people);
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            order.add(p);
        }
        Collections.shuffle(order, random);
        // in shuffled order: Windsurf only, then both, then Tabnine only
        int windsurfOnly = Math.round(people * (float) VendorProfile.WINDSURF.only());
        int tabnineOnly = Math.min(people - windsurfOnly, Math.round(people * (float) VendorProfile.TABNINE.only()));
        Set<Integer> onWindsurf = new TreeSet<>(order.subList(0, people - tabnineOnly));
        Set<Integer> onTabnine = new TreeSet<>(order.subList(windsurfOnly, people));

        List<Lifecycle> windsurfLifecycles = lifecycles(onWindsurf.size(), VendorProfile.WINDSURF, random);
        List<Integer> windsurfPeople = List.copyOf(onWindsurf);
        List<WindsurfSeat> windsurfSeats = build(windsurfPeople.size(), i -> {
            Identity person = identities.get(windsurfPeople.get(i));
            return windsurf.seat(person.name(), person.email(), windsurfPeople.get(i), i == 0,
                    windsurfLifecycles.get(i));
        });

        List<TabnineTeam> teams = tabnine.teams();
        List<Lifecycle> tabnineLifecycles = lifecycles(onTabnine.size(), VendorProfile.TABNINE, random);
        List<Integer> tabninePeople = List.copyOf(onTabnine);
        List<String> tabnineEmails = new ArrayList<>();
        int shared = 0;
        for (int p : tabninePeople) {
            String email = identities.get(p).email();
            tabnineEmails.add(onWindsurf.contains(p) ? vendorSpelling(email, shared++) : email);
        }
        List<TabnineSeat> tabnineSeats = build(tabninePeople.size(),
                i -> tabnine.seat(identities.get(tabninePeople.get(i)).name(), tabnineEmails.get(i),
                        tabninePeople.get(i), i == 0, tabnineLifecycles.get(i), teams));
        return new DemoOrganisation(settings, Draws.uuid(settings.seed(), "tabnine-organization", "demo"),
                DemoConfig.WINDSURF_GROUPS, windsurfSeats, teams, tabnineSeats);
    }

    /**
     * Seats {@code 0..count-1}, built on all cores: each draws from its own random stream, so the result is the same
     * as one by one (a 50,000-person organisation has about 70,000 seats to build).
     */
    private static <S> List<S> build(int count, IntFunction<S> seat) {
        Object[] seats = new Object[count];
        IntStream.range(0, count).parallel().forEach(i -> seats[i] = seat.apply(i));
        @SuppressWarnings("unchecked")
        List<S> built = (List<S>) List.of(seats);
        return built;
    }

    private record Identity(String name, String email) {
    }

    private static List<Identity> identities(SplittableRandom random, int people) {
        Set<String> taken = new HashSet<>();
        List<Identity> identities = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String first = Draws.pick(random, FIRST_NAMES);
            String last = Draws.pick(random, LAST_NAMES);
            String local = (first + "." + last).toLowerCase(Locale.ROOT);
            String unique = local;
            for (int n = 2; !taken.add(unique); n++) {
                unique = local + n;
            }
            identities.add(new Identity(first + " " + last, unique + "@" + DOMAIN));
        }
        return identities;
    }

    /** A few people's Tabnine e-mail differs from their Windsurf one in case or spaces, as real directories do. */
    private static String vendorSpelling(String email, int sharedIndex) {
        if (sharedIndex % 8 == 3) {
            StringBuilder capitalised = new StringBuilder(email);
            for (int i = 0; i < capitalised.length(); i++) {
                if (i == 0 || ".@".indexOf(capitalised.charAt(i - 1)) >= 0) {
                    capitalised.setCharAt(i, Character.toUpperCase(capitalised.charAt(i)));
                }
            }
            return capitalised.toString();
        }
        return sharedIndex % 20 == 9 ? email + " " : email;
    }

    /** The lifecycles of a vendor's seats in the profile's shares, in random order. */
    private static List<Lifecycle> lifecycles(int seats, VendorProfile profile, SplittableRandom random) {
        List<Lifecycle> lifecycles = new ArrayList<>();
        lifecycles.addAll(Collections.nCopies(share(seats, profile.pending()), Lifecycle.PENDING));
        lifecycles.addAll(Collections.nCopies(share(seats, profile.deactivated()), Lifecycle.DEACTIVATED));
        lifecycles.addAll(Collections.nCopies(share(seats, profile.neverActive()), Lifecycle.NEVER_ACTIVE));
        lifecycles.addAll(Collections.nCopies(share(seats, profile.idle()), Lifecycle.IDLE));
        lifecycles.addAll(Collections.nCopies(seats - lifecycles.size(), Lifecycle.ACTIVE));
        Collections.shuffle(lifecycles, random);
        return lifecycles;
    }

    private static int share(int seats, double fraction) {
        return seats < 10 ? 0 : Math.max(1, (int) Math.round(seats * fraction));
    }
}
