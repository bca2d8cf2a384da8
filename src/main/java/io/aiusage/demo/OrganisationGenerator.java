package io.aiusage.demo;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

import io.aiusage.config.DemoConfig;

/**
 * Builds the synthetic organisation. Each person and vendor draws from its own random stream derived from the seed,
 * so the result depends only on the settings. Shares (rounded, at least one each from ten seats up):
 * <ul>
 * <li>vendors: 40 % of people on both, 30 % on Windsurf only, 30 % on Tabnine only;</li>
 * <li>per vendor: 6 % pending, 5 % deactivated/disabled, 8 % never active, 12 % idle (last activity 31 to 150 days
 * before the anchor date), the rest active up to the anchor date;</li>
 * <li>activity on 50 to 95 % of weekdays and rarely at weekends, with a per-person intensity.</li>
 * </ul>
 */
final class OrganisationGenerator {

    private static final String DOMAIN = "example.com";
    private static final List<String> FIRST_NAMES = List.of("Alice", "Bob", "Carla", "David", "Elena", "Farid",
            "Grace", "Hugo", "Ines", "Jonas", "Kenji", "Laura", "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa",
            "Samir", "Tanja", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Anna", "Bruno", "Chloe", "Dmitri",
            "Emma", "Felix", "Gita", "Henrik", "Ivy", "Jamal", "Kara", "Liam", "Mia", "Noah");
    private static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Costa", "Dubois", "Eriksen", "Fischer",
            "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov",
            "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Bianchi",
            "Novak", "Silva", "Khan");
    private static final List<String> LANGUAGES = List.of("JAVA", "KOTLIN", "PYTHON", "GO", "TYPESCRIPT", "RUST",
            "SWIFT", "SQL");
    private static final List<String> CHAT_MODELS = List.of("MODEL_CHAT_GPT_4O_2024_08_06",
            "MODEL_CLAUDE_3_5_SONNET_20241022");
    private static final List<String> CHAT_INTENTS = List.of("CHAT_INTENT_GENERIC", "CHAT_INTENT_FUNCTION_EXPLAIN",
            "CHAT_INTENT_FUNCTION_DOCSTRING", "CHAT_INTENT_FUNCTION_REFACTOR", "CHAT_INTENT_CODE_BLOCK_EXPLAIN",
            "CHAT_INTENT_FUNCTION_UNIT_TESTS");
    private static final List<String> COMMAND_SOURCES = List.of("COMMAND_REQUEST_SOURCE_DEFAULT",
            "COMMAND_REQUEST_SOURCE_RIGHT_CLICK_REFACTOR", "COMMAND_REQUEST_SOURCE_FUNCTION_CODE_LENS",
            "COMMAND_REQUEST_SOURCE_SELECTION_HINT_CODE_LENS");
    private static final List<CascadeModel> CASCADE_MODELS = List.of(new CascadeModel("Claude Sonnet 4", 200),
            new CascadeModel("Claude 3.7 Sonnet (Thinking)", 150), new CascadeModel("GPT-4.1", 100),
            new CascadeModel("SWE-1", 0));
    private static final List<String> CASCADE_MODES = List.of("CONVERSATIONAL_PLANNER_MODE_DEFAULT",
            "CONVERSATIONAL_PLANNER_MODE_READ_ONLY", "CONVERSATIONAL_PLANNER_MODE_NO_TOOL");
    private static final List<String> CASCADE_TOOLS = List.of("CODE_ACTION", "FIND", "GREP_SEARCH", "LIST_DIRECTORY",
            "MCP_TOOL", "RUN_COMMAND", "SEARCH_WEB", "VIEW_FILE");
    private static final List<String> TABNINE_IDES = List.of("vscode", "intellij", "vscode,intellij", "eclipse",
            "visualstudio");

    private final DemoSettings settings;
    private final LocalDate firstDay;
    private final LocalDate anchor;

    OrganisationGenerator(DemoSettings settings) {
        this.settings = settings;
        this.firstDay = settings.firstDay();
        this.anchor = settings.anchorDate();
    }

    DemoOrganisation generate() {
        SplittableRandom random = random("organisation", 0);
        int people = settings.people();
        List<Identity> identities = identities(random, people);
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            order.add(p);
        }
        Collections.shuffle(order, random);
        int both = Math.round(people * 0.4f);
        int windsurfOnly = Math.round(people * 0.3f);
        Set<Integer> onWindsurf = new TreeSet<>(order.subList(0, both + windsurfOnly));
        Set<Integer> onTabnine = new TreeSet<>(order.subList(0, both));
        onTabnine.addAll(order.subList(both + windsurfOnly, people));

        List<Lifecycle> windsurfLifecycles = lifecycles(onWindsurf.size(), random);
        List<WindsurfSeat> windsurfSeats = new ArrayList<>();
        for (int p : onWindsurf) {
            windsurfSeats.add(windsurfSeat(identities.get(p), p, windsurfSeats.isEmpty(),
                    windsurfLifecycles.get(windsurfSeats.size())));
        }

        List<TabnineTeam> teams = teams();
        List<Lifecycle> tabnineLifecycles = lifecycles(onTabnine.size(), random);
        List<TabnineSeat> tabnineSeats = new ArrayList<>();
        int shared = 0;
        for (int p : onTabnine) {
            String email = identities.get(p).email();
            if (onWindsurf.contains(p)) {
                email = vendorSpelling(email, shared++);
            }
            tabnineSeats.add(tabnineSeat(identities.get(p).name(), email, p, tabnineSeats.isEmpty(),
                    tabnineLifecycles.get(tabnineSeats.size()), teams));
        }
        return new DemoOrganisation(settings, uuid("tabnine-organization", "demo"), DemoConfig.WINDSURF_GROUPS,
                List.copyOf(windsurfSeats), teams, List.copyOf(tabnineSeats));
    }

    private record Identity(String name, String email) {
    }

    private record CascadeModel(String name, long centsPerMessage) {
    }

    /** What a Windsurf user works with, and which features they use at all. */
    private record WindsurfHabits(String apiKey, String ide, String version, List<String> languages, boolean chats,
            boolean commands, boolean cascade) {
    }

    /** When the seat was created, its last active day and when it was ended; null where it has none. */
    private record Span(LocalDate joined, LocalDate lastActive, LocalDate ended) {
    }

    private interface DayMaker<D> {
        D day(SplittableRandom random, LocalDate date, double intensity);
    }

    private static List<Identity> identities(SplittableRandom random, int people) {
        Set<String> taken = new HashSet<>();
        List<Identity> identities = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String first = pick(random, FIRST_NAMES);
            String last = pick(random, LAST_NAMES);
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

    private static List<Lifecycle> lifecycles(int seats, SplittableRandom random) {
        List<Lifecycle> lifecycles = new ArrayList<>();
        lifecycles.addAll(Collections.nCopies(share(seats, 0.06), Lifecycle.PENDING));
        lifecycles.addAll(Collections.nCopies(share(seats, 0.05), Lifecycle.DEACTIVATED));
        lifecycles.addAll(Collections.nCopies(share(seats, 0.08), Lifecycle.NEVER_ACTIVE));
        lifecycles.addAll(Collections.nCopies(share(seats, 0.12), Lifecycle.IDLE));
        lifecycles.addAll(Collections.nCopies(seats - lifecycles.size(), Lifecycle.ACTIVE));
        Collections.shuffle(lifecycles, random);
        return lifecycles;
    }

    private static int share(int seats, double fraction) {
        return seats < 10 ? 0 : Math.max(1, (int) Math.round(seats * fraction));
    }

    // ---- Windsurf ----

    private WindsurfSeat windsurfSeat(Identity person, int p, boolean firstSeat, Lifecycle lifecycle) {
        SplittableRandom random = random("windsurf", p);
        String apiKey = uuid("windsurf-api-key", Integer.toString(p));
        String role = firstSeat || random.nextDouble() < 0.03 ? "admin" : "member";
        int groupIndex = weightedIndex(random, 0.40, 0.20, 0.15, 0.15);
        String group = groupIndex < DemoConfig.WINDSURF_GROUPS.size() ? DemoConfig.WINDSURF_GROUPS.get(groupIndex)
                : null;
        String ide = List.of("windsurf", "jetbrains", "vscode").get(weightedIndex(random, 0.55, 0.25));
        String version = switch (ide) {
            case "windsurf" -> pick(random, List.of("1.12.4", "1.11.2"));
            case "jetbrains" -> pick(random, List.of("1.48.2", "1.46.0"));
            default -> pick(random, List.of("1.46.1", "1.44.3"));
        };
        List<String> languages = sample(random, LANGUAGES, 1 + random.nextInt(3));
        Span span = span(random, lifecycle);
        Instant signupAt = time(span.joined(), 9, random).truncatedTo(ChronoUnit.SECONDS);
        WindsurfHabits habits = new WindsurfHabits(apiKey, ide, version, languages,
                !ide.equals("windsurf") && random.nextDouble() < 0.7, random.nextDouble() < 0.6,
                !ide.equals("vscode") && random.nextDouble() < 0.85);
        List<WindsurfSeat.Day> days = activity(random, span, (r, date, intensity) -> windsurfDay(r, date, intensity,
                habits));
        return new WindsurfSeat(person.name(), person.email(), apiKey, role, signupAt, lifecycle, group, ide, version,
                days);
    }

    private static WindsurfSeat.Day windsurfDay(SplittableRandom random, LocalDate date, double intensity,
            WindsurfHabits habits) {
        String apiKey = habits.apiKey();
        String ide = habits.ide();
        String version = habits.version();
        List<String> languages = habits.languages();
        List<Integer> hours = sample(random, hourRange(7, 20),
                1 + random.nextInt(Math.min(4, 1 + (int) Math.ceil(intensity * 2)))).stream().sorted().toList();
        List<WindsurfSeat.Autocomplete> autocomplete = new ArrayList<>();
        for (int hour : hours) {
            long acceptances = Math.max(1, Math.round(intensity * (8 + random.nextInt(30))));
            long lines = Math.round(acceptances * (1.2 + random.nextDouble() * 1.3));
            long bytes = Math.round(lines * (25 + random.nextDouble() * 20));
            autocomplete.add(new WindsurfSeat.Autocomplete(time(date, hour, random), apiKey, ide, version,
                    pick(random, languages), acceptances, lines, bytes,
                    Math.round(bytes * (0.5 + random.nextDouble()))));
        }
        List<WindsurfSeat.Chat> chats = new ArrayList<>();
        if (habits.chats() && random.nextDouble() < 0.5) {
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                boolean inserted = random.nextDouble() < 0.2;
                boolean applied = random.nextDouble() < 0.15;
                chats.add(new WindsurfSeat.Chat(time(date, pick(random, hours), random), apiKey, ide, version,
                        pick(random, CHAT_MODELS), CHAT_INTENTS.get(weightedIndex(random, 0.7, 0.08, 0.06, 0.06, 0.05)),
                        1, random.nextDouble() < 0.3, inserted, applied,
                        inserted || applied ? 3 + random.nextInt(38) : 0));
            }
            chats.sort(Comparator.comparing(WindsurfSeat.Chat::at));
        }
        List<WindsurfSeat.Command> commands = new ArrayList<>();
        if (habits.commands() && random.nextDouble() < 0.35) {
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                boolean edit = random.nextBoolean();
                long added = 1 + random.nextInt(40);
                long removed = edit ? random.nextInt(21) : 0;
                long selected = edit ? removed + random.nextInt(10) : 0;
                commands.add(new WindsurfSeat.Command(time(date, pick(random, hours), random), apiKey, ide, version,
                        pick(random, languages), COMMAND_SOURCES.get(weightedIndex(random, 0.6, 0.15, 0.15)),
                        edit ? "PROVIDER_SOURCE_COMMAND_EDIT" : "PROVIDER_SOURCE_COMMAND_GENERATE", added, removed,
                        added * 35, removed * 35, selected, selected * 35, random.nextDouble() < 0.7));
            }
            commands.sort(Comparator.comparing(WindsurfSeat.Command::at));
        }
        WindsurfSeat.Cascade cascade = habits.cascade() && random.nextDouble() < 0.7
                ? cascadeDay(random, date, intensity, hours.getFirst())
                : null;
        return new WindsurfSeat.Day(date, List.copyOf(autocomplete), List.copyOf(chats), List.copyOf(commands),
                cascade);
    }

    private static WindsurfSeat.Cascade cascadeDay(SplittableRandom random, LocalDate date, double intensity,
            int hour) {
        List<WindsurfSeat.Run> runs = new ArrayList<>();
        long messages = 0;
        for (int i = 0, count = 1 + random.nextInt(1 + (int) Math.round(intensity * 2)); i < count; i++) {
            CascadeModel model = CASCADE_MODELS.get(weightedIndex(random, 0.35, 0.2, 0.2));
            long sent = 1 + random.nextInt(2 + (int) (intensity * 8));
            messages += sent;
            runs.add(new WindsurfSeat.Run(randomUuid(random), model.name(),
                    CASCADE_MODES.get(weightedIndex(random, 0.75, 0.2)), sent, sent * model.centsPerMessage(),
                    random.nextDouble() < 0.2));
        }
        long suggested = messages * (3 + random.nextInt(12));
        long accepted = random.nextDouble() < 0.1 ? 0 : Math.round(suggested * (0.3 + random.nextDouble() * 0.6));
        List<WindsurfSeat.ToolUse> tools = new ArrayList<>();
        for (String tool : CASCADE_TOOLS) {
            boolean rare = tool.equals("MCP_TOOL") || tool.equals("SEARCH_WEB");
            long count = rare ? (random.nextDouble() < 0.1 ? 1 : 0) : random.nextInt((int) messages * 2 + 1);
            if (count > 0) {
                tools.add(new WindsurfSeat.ToolUse(tool, count));
            }
        }
        return new WindsurfSeat.Cascade(time(date, hour, random), suggested, accepted, List.copyOf(runs),
                List.copyOf(tools));
    }

    // ---- Tabnine ----

    private List<TabnineTeam> teams() {
        return List.of(team("Everyone", null, true), team("Backend", null, false), team("Frontend", null, false),
                team("Platform", "okta:platform-engineering", false), team("Data", "okta:data-science", false),
                team("Mobile", null, false), team("QA", null, false));
    }

    private TabnineTeam team(String name, String syncedGroupId, boolean defaultTeam) {
        return new TabnineTeam(uuid("tabnine-team", name), name, syncedGroupId, defaultTeam);
    }

    private TabnineSeat tabnineSeat(String name, String email, int p, boolean firstSeat, Lifecycle lifecycle,
            List<TabnineTeam> teams) {
        SplittableRandom random = random("tabnine", p);
        double roll = random.nextDouble();
        String role = firstSeat ? "Admin" : roll < 0.03 ? "Manager" : roll < 0.09 ? "TeamLead" : "Member";
        int teamIndex = weightedIndex(random, 0.12, 0.22, 0.18, 0.12, 0.12, 0.10, 0.06);
        String teamId = teamIndex < teams.size() ? teams.get(teamIndex).id() : null;
        String ides = pick(random, TABNINE_IDES);
        String languages = String.join(",", sample(random, LANGUAGES, 1 + random.nextInt(3))).toLowerCase(Locale.ROOT);
        Span span = span(random, lifecycle);
        Instant createdAt = time(span.joined(), 10, random).truncatedTo(ChronoUnit.MILLIS);
        Instant deactivatedAt = span.ended() == null ? null
                : time(span.ended(), 16, random).truncatedTo(ChronoUnit.MILLIS);
        Instant updatedAt = deactivatedAt != null ? deactivatedAt
                : earliest(createdAt.plus(random.nextInt(60), ChronoUnit.DAYS), time(anchor, 0, random))
                        .truncatedTo(ChronoUnit.MILLIS);
        boolean chatUser = random.nextDouble() < 0.8;
        boolean agentUser = random.nextDouble() < 0.55;
        List<TabnineSeat.Day> days = activity(random, span,
                (r, date, intensity) -> tabnineDay(r, date, intensity, chatUser, agentUser));
        return new TabnineSeat(uuid("tabnine-user", Integer.toString(p)), name, email, role, lifecycle, createdAt,
                deactivatedAt, updatedAt, teamId, ides, languages, days);
    }

    private static TabnineSeat.Day tabnineDay(SplittableRandom random, LocalDate date, double intensity,
            boolean chatUser, boolean agentUser) {
        Instant at = time(date, 8 + random.nextInt(10), random).truncatedTo(ChronoUnit.SECONDS);
        long completions = Math.max(1, Math.round(intensity * (15 + random.nextInt(60))));
        long lines = Math.round(completions * (1.1 + random.nextDouble() * 0.7));
        long chars = lines * (20 + random.nextInt(20));
        long keystrokes = Math.round(chars * (1.5 + random.nextDouble() * 1.5));
        long chatMessages = 0;
        long useful = 0;
        long chatLines = 0;
        long instruct = 0;
        List<TabnineSeat.ModelUse> chatModels = List.of();
        if (chatUser && random.nextDouble() < 0.6) {
            chatMessages = 1 + random.nextInt(1 + (int) (intensity * 10));
            useful = Math.round(chatMessages * (0.4 + random.nextDouble() * 0.4));
            chatLines = useful * random.nextInt(9);
            instruct = random.nextInt(3);
            chatModels = modelUses(random, chatMessages, 1500, 6000, 200, 900);
        }
        long agentMessages = 0;
        long added = 0;
        long addedAccepted = 0;
        long removed = 0;
        long removedAccepted = 0;
        List<TabnineSeat.ModelUse> agentModels = List.of();
        if (agentUser && random.nextDouble() < 0.45) {
            agentMessages = 1 + random.nextInt(1 + (int) (intensity * 8));
            added = agentMessages * (2 + random.nextInt(18));
            addedAccepted = Math.round(added * (0.4 + random.nextDouble() * 0.55));
            removed = Math.round(added * random.nextDouble() * 0.4);
            removedAccepted = Math.round(removed * (0.5 + random.nextDouble() * 0.5));
            agentModels = modelUses(random, agentMessages, 8000, 40000, 800, 4000);
        }
        return new TabnineSeat.Day(date, at, completions, lines, chars, keystrokes, chatMessages, useful, chatLines,
                instruct, agentMessages, added, addedAccepted, removed, removedAccepted, chatModels, agentModels);
    }

    /** Spreads a day's messages over one or two models, with per-message token counts in the given ranges. */
    private static List<TabnineSeat.ModelUse> modelUses(SplittableRandom random, long messages, int minInput,
            int maxInput, int minOutput, int maxOutput) {
        List<TabnineModel> models = sample(random, List.of(TabnineModel.values()),
                messages > 1 ? 1 + random.nextInt(2) : 1);
        List<TabnineSeat.ModelUse> uses = new ArrayList<>();
        long left = messages;
        for (int i = 0; i < models.size(); i++) {
            long count = i == models.size() - 1 ? left : 1 + random.nextLong(left - 1);
            left -= count;
            uses.add(new TabnineSeat.ModelUse(models.get(i), count,
                    count * (minInput + random.nextInt(maxInput - minInput)),
                    count * (minOutput + random.nextInt(maxOutput - minOutput))));
        }
        uses.sort(Comparator.comparing(TabnineSeat.ModelUse::model));
        return List.copyOf(uses);
    }

    // ---- shared ----

    private Span span(SplittableRandom random, Lifecycle lifecycle) {
        int history = settings.historyDays();
        LocalDate joined = random.nextDouble() < 0.35 ? firstDay.minusDays(1 + random.nextInt(300))
                : firstDay.plusDays(random.nextInt(Math.max(1, history * 6 / 10)));
        return switch (lifecycle) {
            case PENDING -> new Span(anchor.minusDays(1 + random.nextInt(44)), null, null);
            case NEVER_ACTIVE -> new Span(earliest(joined, anchor.minusDays(7)), null, null);
            case ACTIVE -> new Span(earliest(joined, anchor.minusDays(20)), anchor, null);
            case IDLE -> {
                LocalDate last = anchor.minusDays(31 + random.nextInt(120));
                yield new Span(earliest(joined, last.minusDays(20)), last, null);
            }
            case DEACTIVATED -> {
                LocalDate ended = anchor.minusDays(5 + random.nextInt(195));
                yield new Span(earliest(joined, ended.minusDays(21)), ended.minusDays(1), ended);
            }
        };
    }

    /**
     * The active days of a seat: weekday-shaped, within the history, ending with the seat's last active day (its last
     * weekday, which is always active).
     */
    private <D> List<D> activity(SplittableRandom random, Span span, DayMaker<D> maker) {
        if (span.lastActive() == null) {
            return List.of();
        }
        double weekdayChance = 0.5 + random.nextDouble() * 0.45;
        double intensity = 0.4 + random.nextDouble() * 1.6;
        LocalDate lastWeekday = span.lastActive();
        while (lastWeekday.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            lastWeekday = lastWeekday.minusDays(1);
        }
        List<D> days = new ArrayList<>();
        for (LocalDate date = latest(firstDay, span.joined()); !date.isAfter(span.lastActive());
                date = date.plusDays(1)) {
            double shape = switch (date.getDayOfWeek()) {
                case MONDAY -> 0.9;
                case FRIDAY -> 0.8;
                case SATURDAY, SUNDAY -> 0.6;
                default -> 1.0;
            };
            double chance = shape < 0.7 ? weekdayChance * 0.08 : weekdayChance;
            if (date.equals(lastWeekday) || random.nextDouble() < chance) {
                days.add(maker.day(random, date, intensity * shape * (0.5 + random.nextDouble())));
            }
        }
        return List.copyOf(days);
    }

    private SplittableRandom random(String stream, int person) {
        return new SplittableRandom((settings.seed() * 1_000_003L + person) * 31 + stream.hashCode());
    }

    private String uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + settings.seed() + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A version-4-shaped UUID drawn from the seat's stream (cheaper than hashing, as deterministic). */
    private static String randomUuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A moment in the given UTC hour, to the microsecond. */
    private static Instant time(LocalDate date, int hour, SplittableRandom random) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(hour, ChronoUnit.HOURS)
                .plus(random.nextLong(3_600_000_000L), ChronoUnit.MICROS);
    }

    private static List<Integer> hourRange(int from, int to) {
        List<Integer> hours = new ArrayList<>();
        for (int hour = from; hour < to; hour++) {
            hours.add(hour);
        }
        return hours;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> sample(SplittableRandom random, List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    /** Index drawn with the given weights; {@code weights.length} (none) with the remaining probability. */
    private static int weightedIndex(SplittableRandom random, double... weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length;
    }

    private static <T extends Comparable<? super T>> T earliest(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> T latest(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
