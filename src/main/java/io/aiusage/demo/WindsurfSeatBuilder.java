package io.aiusage.demo;

import static io.aiusage.demo.Draws.hourRange;
import static io.aiusage.demo.Draws.pick;
import static io.aiusage.demo.Draws.randomUuid;
import static io.aiusage.demo.Draws.sample;
import static io.aiusage.demo.Draws.time;
import static io.aiusage.demo.Draws.weightedIndex;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.aiusage.config.DemoConfig;

/**
 * Builds one Windsurf seat of the demo organisation: its holder's IDE, group and habits, and its activity log
 * (hourly autocomplete, legacy-plugin chats, Commands and Cascade), shaped by {@link VendorProfile#WINDSURF}.
 */
final class WindsurfSeatBuilder {

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

    private final long seed;
    private final Timeline timeline;
    private final VendorProfile profile;

    WindsurfSeatBuilder(long seed, Timeline timeline, VendorProfile profile) {
        this.seed = seed;
        this.timeline = timeline;
        this.profile = profile;
    }

    private record CascadeModel(String name, long centsPerMessage) {
    }

    /** What a Windsurf user works with, and which features they use at all. */
    private record Habits(String apiKey, String ide, String version, List<String> languages, boolean chats,
            boolean commands, boolean cascade) {
    }

    /** The seat of person {@code p}; the first seat of the organisation is an admin's. */
    WindsurfSeat seat(String name, String email, int p, boolean firstSeat, Lifecycle lifecycle) {
        SplittableRandom random = Draws.random(seed, "windsurf", p);
        String apiKey = Draws.uuid(seed, "windsurf-api-key", Integer.toString(p));
        String role = firstSeat || random.nextDouble() < 0.03 ? "admin" : "member";
        int groupIndex = weightedIndex(random, profile.teamWeights());
        String group = groupIndex < DemoConfig.WINDSURF_GROUPS.size() ? DemoConfig.WINDSURF_GROUPS.get(groupIndex)
                : null;
        String ide = List.of("windsurf", "jetbrains", "vscode").get(weightedIndex(random, 0.55, 0.25));
        String version = switch (ide) {
            case "windsurf" -> pick(random, List.of("1.12.4", "1.11.2"));
            case "jetbrains" -> pick(random, List.of("1.48.2", "1.46.0"));
            default -> pick(random, List.of("1.46.1", "1.44.3"));
        };
        List<String> languages = sample(random, OrganisationGenerator.LANGUAGES, 1 + random.nextInt(3));
        Timeline.Span span = timeline.span(random, lifecycle);
        Instant signupAt = time(span.joined(), 9, random).truncatedTo(ChronoUnit.SECONDS);
        // the VS Code plugin has no Cascade
        Habits habits = new Habits(apiKey, ide, version, languages,
                !ide.equals("windsurf") && random.nextDouble() < 0.7, random.nextDouble() < 0.6,
                !ide.equals("vscode") && random.nextDouble() < profile.agentUsers());
        List<WindsurfSeat.Day> days = timeline.activity(random, span, profile,
                (r, date, intensity) -> day(r, date, intensity, habits));
        return new WindsurfSeat(name, email, apiKey, role, signupAt, lifecycle, group, ide, version, days);
    }

    private WindsurfSeat.Day day(SplittableRandom random, LocalDate date, double intensity, Habits habits) {
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
        WindsurfSeat.Cascade cascade = habits.cascade() && random.nextDouble() < profile.agentDays()
                ? cascade(random, date, intensity, hours.getFirst())
                : null;
        return new WindsurfSeat.Day(date, List.copyOf(autocomplete), List.copyOf(chats), List.copyOf(commands),
                cascade);
    }

    private static WindsurfSeat.Cascade cascade(SplittableRandom random, LocalDate date, double intensity, int hour) {
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
}
