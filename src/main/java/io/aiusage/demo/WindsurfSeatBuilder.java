package io.aiusage.demo;

import static io.aiusage.demo.Draws.pick;
import static io.aiusage.demo.Draws.sample;
import static io.aiusage.demo.Draws.sortedSample;
import static io.aiusage.demo.Draws.time;
import static io.aiusage.demo.Draws.weightedIndex;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_MODELS;
import static io.aiusage.demo.WindsurfVocabulary.CASCADE_TOOLS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_INTENTS;
import static io.aiusage.demo.WindsurfVocabulary.CHAT_MODELS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_PROVIDERS;
import static io.aiusage.demo.WindsurfVocabulary.COMMAND_SOURCES;

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

    private final long seed;
    private final Timeline timeline;
    private final VendorProfile profile;

    WindsurfSeatBuilder(long seed, Timeline timeline, VendorProfile profile) {
        this.seed = seed;
        this.timeline = timeline;
        this.profile = profile;
    }

    /**
     * What a Windsurf user works with, and which features they use at all; {@code languageIndexes} are their
     * languages' places in {@link OrganisationGenerator#LANGUAGES}.
     */
    private record Habits(String apiKey, String ide, String version, List<String> languages, int[] languageIndexes,
            boolean chats, boolean commands, boolean cascade) {
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
                languages.stream().mapToInt(OrganisationGenerator.LANGUAGES::indexOf).toArray(),
                !ide.equals("windsurf") && random.nextDouble() < 0.7, random.nextDouble() < 0.6,
                !ide.equals("vscode") && random.nextDouble() < profile.agentUsers());
        WindsurfDaysBuilder days = new WindsurfDaysBuilder(apiKey, ide, version);
        timeline.activity(random, span, profile, (r, date, intensity) -> day(r, date, intensity, habits, days));
        return new WindsurfSeat(name, email, apiKey, role, signupAt, lifecycle, group, ide, version, days.build());
    }

    /** One active day, written to {@code out}; the draws are the organisation's, in their order. */
    private void day(SplittableRandom random, LocalDate date, double intensity, Habits habits,
            WindsurfDaysBuilder out) {
        String apiKey = habits.apiKey();
        String ide = habits.ide();
        String version = habits.version();
        List<String> languages = habits.languages();
        long epochDay = date.toEpochDay();
        out.startDay(epochDay);
        List<Integer> hours = sortedSample(random, 7, 20,
                1 + random.nextInt(Math.min(4, 1 + (int) Math.ceil(intensity * 2))));
        for (int hour : hours) {
            long acceptances = Math.max(1, Math.round(intensity * (8 + random.nextInt(30))));
            long lines = Math.round(acceptances * (1.2 + random.nextDouble() * 1.3));
            long bytes = Math.round(lines * (25 + random.nextDouble() * 20));
            long micros = micros(hour, random);
            int language = habits.languageIndexes()[random.nextInt(languages.size())];
            out.autocomplete(micros, language, acceptances, lines, bytes,
                    Math.round(bytes * (0.5 + random.nextDouble())));
        }
        if (habits.chats() && random.nextDouble() < 0.5) {
            List<WindsurfSeat.Chat> chats = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                boolean inserted = random.nextDouble() < 0.2;
                boolean applied = random.nextDouble() < 0.15;
                chats.add(new WindsurfSeat.Chat(time(date, pick(random, hours), random), apiKey, ide, version,
                        pick(random, CHAT_MODELS), CHAT_INTENTS.get(weightedIndex(random, 0.7, 0.08, 0.06, 0.06, 0.05)),
                        1, random.nextDouble() < 0.3, inserted, applied,
                        inserted || applied ? 3 + random.nextInt(38) : 0));
            }
            chats.sort(Comparator.comparing(WindsurfSeat.Chat::at));
            out.chats(chats);
        }
        if (habits.commands() && random.nextDouble() < 0.35) {
            List<WindsurfSeat.Command> commands = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                boolean edit = random.nextBoolean();
                long added = 1 + random.nextInt(40);
                long removed = edit ? random.nextInt(21) : 0;
                long selected = edit ? removed + random.nextInt(10) : 0;
                commands.add(new WindsurfSeat.Command(time(date, pick(random, hours), random), apiKey, ide, version,
                        pick(random, languages), COMMAND_SOURCES.get(weightedIndex(random, 0.6, 0.15, 0.15)),
                        COMMAND_PROVIDERS.get(edit ? 0 : 1), added, removed,
                        added * 35, removed * 35, selected, selected * 35, random.nextDouble() < 0.7));
            }
            commands.sort(Comparator.comparing(WindsurfSeat.Command::at));
            out.commands(commands);
        }
        if (habits.cascade() && random.nextDouble() < profile.agentDays()) {
            cascade(random, intensity, hours.getFirst(), out);
        }
        out.endDay();
    }

    private static void cascade(SplittableRandom random, double intensity, int hour, WindsurfDaysBuilder out) {
        long messages = 0;
        for (int i = 0, count = 1 + random.nextInt(1 + (int) Math.round(intensity * 2)); i < count; i++) {
            int model = weightedIndex(random, 0.35, 0.2, 0.2);
            long sent = 1 + random.nextInt(2 + (int) (intensity * 8));
            messages += sent;
            // a version-4-shaped UUID (cheaper than hashing, as deterministic), kept as its two halves
            long idHigh = (random.nextLong() & ~0xF000L) | 0x4000L;
            long idLow = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            int mode = weightedIndex(random, 0.75, 0.2);
            out.run(idHigh, idLow, model, mode, random.nextDouble() < 0.2, sent,
                    sent * CASCADE_MODELS.get(model).centsPerMessage());
        }
        long suggested = messages * (3 + random.nextInt(12));
        long accepted = random.nextDouble() < 0.1 ? 0 : Math.round(suggested * (0.3 + random.nextDouble() * 0.6));
        for (int tool = 0; tool < CASCADE_TOOLS.size(); tool++) {
            String name = CASCADE_TOOLS.get(tool);
            boolean rare = name.equals("MCP_TOOL") || name.equals("SEARCH_WEB");
            long count = rare ? (random.nextDouble() < 0.1 ? 1 : 0) : random.nextInt((int) messages * 2 + 1);
            if (count > 0) {
                out.tool(tool, count);
            }
        }
        out.cascade(micros(hour, random), suggested, accepted);
    }

    /** A moment in the given hour, in microseconds into its day (as {@link Draws#time}). */
    private static long micros(int hour, SplittableRandom random) {
        return hour * Times.MICROS_PER_HOUR + random.nextLong(Times.MICROS_PER_HOUR);
    }
}
