package io.aiusage.demo;

import static io.aiusage.demo.Draws.earliest;
import static io.aiusage.demo.Draws.pick;
import static io.aiusage.demo.Draws.sample;
import static io.aiusage.demo.Draws.time;
import static io.aiusage.demo.Draws.weightedIndex;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds the Tabnine teams and one Tabnine user of the demo organisation with its daily activity log (completions,
 * chat and agent use with per-model tokens), shaped by {@link VendorProfile#TABNINE}.
 */
final class TabnineSeatBuilder {

    private static final List<String> TABNINE_IDES = List.of("vscode", "intellij", "vscode,intellij", "eclipse",
            "visualstudio");

    private final long seed;
    private final Timeline timeline;
    private final VendorProfile profile;

    TabnineSeatBuilder(long seed, Timeline timeline, VendorProfile profile) {
        this.seed = seed;
        this.timeline = timeline;
        this.profile = profile;
    }

    /** The teams, the default one first; {@link VendorProfile#teamWeights()} follows this order. */
    List<TabnineTeam> teams() {
        return List.of(team("Everyone", null, true), team("Backend", null, false), team("Frontend", null, false),
                team("Platform", "okta:platform-engineering", false), team("Data", "okta:data-science", false),
                team("Mobile", null, false), team("QA", null, false));
    }

    private TabnineTeam team(String name, String syncedGroupId, boolean defaultTeam) {
        return new TabnineTeam(Draws.uuid(seed, "tabnine-team", name), name, syncedGroupId, defaultTeam);
    }

    /** The user of person {@code p}; the first user of the organisation is its admin. */
    TabnineSeat seat(String name, String email, int p, boolean firstSeat, Lifecycle lifecycle,
            List<TabnineTeam> teams) {
        SplittableRandom random = Draws.random(seed, "tabnine", p);
        double roll = random.nextDouble();
        String role = firstSeat ? "Admin" : roll < 0.03 ? "Manager" : roll < 0.09 ? "TeamLead" : "Member";
        int teamIndex = weightedIndex(random, profile.teamWeights());
        String teamId = teamIndex < teams.size() ? teams.get(teamIndex).id() : null;
        String ides = pick(random, TABNINE_IDES);
        String languages = String.join(",", sample(random, OrganisationGenerator.LANGUAGES, 1 + random.nextInt(3)))
                .toLowerCase(Locale.ROOT);
        Timeline.Span span = timeline.span(random, lifecycle);
        Instant createdAt = time(span.joined(), 10, random).truncatedTo(ChronoUnit.MILLIS);
        Instant deactivatedAt = span.ended() == null ? null
                : time(span.ended(), 16, random).truncatedTo(ChronoUnit.MILLIS);
        Instant updatedAt = deactivatedAt != null ? deactivatedAt
                : earliest(createdAt.plus(random.nextInt(60), ChronoUnit.DAYS), time(timeline.anchor(), 0, random))
                        .truncatedTo(ChronoUnit.MILLIS);
        boolean chatUser = random.nextDouble() < 0.8;
        boolean agentUser = random.nextDouble() < profile.agentUsers();
        TabnineDays.Builder days = new TabnineDays.Builder();
        timeline.activity(random, span, profile,
                (r, date, intensity) -> days.add(day(r, date, intensity, chatUser, agentUser)));
        return new TabnineSeat(Draws.uuid(seed, "tabnine-user", Integer.toString(p)), name, email, role, lifecycle,
                createdAt, deactivatedAt, updatedAt, teamId, ides, languages, days.build());
    }

    private TabnineSeat.Day day(SplittableRandom random, LocalDate date, double intensity, boolean chatUser,
            boolean agentUser) {
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
        if (agentUser && random.nextDouble() < profile.agentDays()) {
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
}
