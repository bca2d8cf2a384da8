package io.aiusage.demo.tabnine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.TabnineDays;
import io.aiusage.demo.TabnineModel;
import io.aiusage.demo.TabnineSeat;

/**
 * The Tabnine usage of one scope (the organisation, or a team) per UTC day, added up once from its users' activity
 * (every scope in one pass), so that a usage or agent-usage answer over whole days costs time in the days it covers,
 * not in the users' days.
 * <p>
 * Sums add up across days; distinct users do not. For those it keeps, per day and kind of activity, the sorted
 * "previous day" of each user counted that day (the last earlier day that user had that activity): the users active
 * in days {@code [a, b)} are those counted on some day of it whose previous day is before {@code a}, each exactly
 * once (on their first day in the range). Counting them costs a binary search per day.
 */
final class TabnineDaily {

    /** Longest span of days it handles (previous days are held in 16 bits); longer histories are scanned. */
    static final int MAX_DAYS = 65_534;

    private static final int FIELDS = 13;
    private static final TabnineModel[] MODELS = TabnineModel.values();

    private final long firstDay;
    private final int days;
    private final long[] sums;
    private final long[] chatModelSums;
    private final long[] agentModelSums;
    private final DistinctDays users;
    private final DistinctDays completionUsers;
    private final DistinctDays chatUsers;
    private final DistinctDays agentUsers;
    private final DistinctDays[] chatModelUsers = new DistinctDays[MODELS.length];
    private final DistinctDays[] agentModelUsers = new DistinctDays[MODELS.length];

    private TabnineDaily(Builder builder) {
        this.firstDay = builder.firstDay;
        this.days = builder.days;
        this.sums = builder.sums;
        this.chatModelSums = builder.chatModelSums;
        this.agentModelSums = builder.agentModelSums;
        this.users = builder.distinct[0].build();
        this.completionUsers = builder.distinct[1].build();
        this.chatUsers = builder.distinct[2].build();
        this.agentUsers = builder.distinct[3].build();
        for (int model = 0; model < MODELS.length; model++) {
            chatModelUsers[model] = builder.distinct[4 + model].build();
            agentModelUsers[model] = builder.distinct[4 + MODELS.length + model].build();
        }
    }

    /** The daily usage of the organisation and of each of its teams (by id); a null organisation: none kept. */
    record Scopes(TabnineDaily organisation, Map<String, TabnineDaily> teams) {
    }

    /**
     * The daily usage of the organisation and of every team, in one pass over the users' activity logs (read without
     * building records); none when the activity spans more than {@link #MAX_DAYS} days.
     */
    static Scopes of(DemoOrganisation organisation) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TabnineSeat seat : organisation.tabnineSeats()) {
            TabnineDays activity = seat.activity();
            if (!activity.isEmpty()) {
                first = Math.min(first, activity.epochDay(0));
                last = Math.max(last, activity.epochDay(activity.size() - 1));
            }
        }
        long span = first > last ? 0 : last - first + 1;
        if (span > MAX_DAYS) {
            return new Scopes(null, Map.of());
        }
        long firstDay = span == 0 ? 0 : first;
        Builder all = new Builder(firstDay, (int) span);
        Map<String, Builder> teams = new HashMap<>();
        organisation.tabnineTeams().forEach(team -> teams.put(team.id(), new Builder(firstDay, (int) span)));
        long[] counts = new long[FIELDS];
        for (TabnineSeat seat : organisation.tabnineSeats()) {
            Builder team = seat.teamId() == null ? null : teams.get(seat.teamId());
            all.startUser();
            if (team != null) {
                team.startUser();
            }
            TabnineDays activity = seat.activity();
            for (int i = 0; i < activity.size(); i++) {
                int d = (int) (activity.epochDay(i) - firstDay);
                activity.read(i, counts, (agent, model, messages, input, output) -> {
                    all.model(d, agent, model, messages, input, output);
                    if (team != null) {
                        team.model(d, agent, model, messages, input, output);
                    }
                });
                all.day(d, counts);
                if (team != null) {
                    team.day(d, counts);
                }
            }
        }
        Map<String, TabnineDaily> daily = new HashMap<>();
        teams.forEach((id, builder) -> daily.put(id, new TabnineDaily(builder)));
        return new Scopes(new TabnineDaily(all), daily);
    }

    /** Adds the usage of epoch days {@code [fromDay, toDay)} to {@code totals}. */
    void addTo(UsageTotals totals, long fromDay, long toDay) {
        int a = (int) Math.max(0, Math.min(days, fromDay - firstDay));
        int b = (int) Math.max(0, Math.min(days, toDay - firstDay));
        if (a >= b) {
            return;
        }
        long[] s = new long[FIELDS];
        for (int d = a; d < b; d++) {
            for (int f = 0; f < FIELDS; f++) {
                s[f] += sums[d * FIELDS + f];
            }
        }
        totals.completions += s[0];
        totals.completionLines += s[1];
        totals.charsCompleted += s[2];
        totals.keystrokes += s[3];
        totals.chatMessages += s[4];
        totals.usefulChatMessages += s[5];
        totals.chatLinesAdded += s[6];
        totals.instructAccepted += s[7];
        totals.agentMessages += s[8];
        totals.agentLinesAdded += s[9];
        totals.agentLinesAddedAccepted += s[10];
        totals.agentLinesRemoved += s[11];
        totals.agentLinesRemovedAccepted += s[12];
        totals.users += users.count(a, b);
        totals.completionUsers += completionUsers.count(a, b);
        totals.chatUsers += chatUsers.count(a, b);
        totals.agentUsers += agentUsers.count(a, b);
        models(totals.chatModels, chatModelSums, chatModelUsers, a, b);
        models(totals.agentModels, agentModelSums, agentModelUsers, a, b);
    }

    /** One scope's figures while its users' days are read; a user's days come together. */
    private static final class Builder {
        private final long firstDay;
        private final int days;
        private final long[] sums;
        private final long[] chatModelSums;
        private final long[] agentModelSums;
        // measures: users, completions, chat, agent, then chat and agent per model
        private final DistinctDays.Builder[] distinct = new DistinctDays.Builder[4 + 2 * MODELS.length];
        private final int[] previous = new int[distinct.length];

        Builder(long firstDay, int days) {
            this.firstDay = firstDay;
            this.days = days;
            this.sums = new long[days * FIELDS];
            this.chatModelSums = new long[days * MODELS.length * 3];
            this.agentModelSums = new long[days * MODELS.length * 3];
            for (int m = 0; m < distinct.length; m++) {
                distinct[m] = new DistinctDays.Builder(days);
            }
        }

        void startUser() {
            Arrays.fill(previous, -1);
        }

        /** Day {@code d}'s counts, in {@link TabnineSeat.Day}'s order from {@code completions}. */
        void day(int d, long[] counts) {
            for (int f = 0; f < FIELDS; f++) {
                sums[d * FIELDS + f] += counts[f];
            }
            count(0, d, true);
            count(1, d, counts[0] > 0);
            count(2, d, counts[4] > 0);
            count(3, d, counts[8] > 0);
        }

        void model(int d, boolean agent, int model, long messages, long input, long output) {
            long[] modelSums = agent ? agentModelSums : chatModelSums;
            int at = (d * MODELS.length + model) * 3;
            modelSums[at] += messages;
            modelSums[at + 1] += input;
            modelSums[at + 2] += output;
            count(4 + (agent ? MODELS.length : 0) + model, d, true);
        }

        private void count(int measure, int d, boolean had) {
            if (had && previous[measure] != d) {
                distinct[measure].add(d, previous[measure]);
                previous[measure] = d;
            }
        }
    }

    /** A model appears in a bucket when someone used it there, as when the bucket is added up from the days. */
    private static void models(Map<TabnineModel, UsageTotals.ModelTotals> totals, long[] modelSums,
            DistinctDays[] modelUsers, int a, int b) {
        for (TabnineModel model : MODELS) {
            int users = modelUsers[model.ordinal()].count(a, b);
            if (users == 0) {
                continue;
            }
            UsageTotals.ModelTotals figures = UsageTotals.ModelTotals.of(totals, model);
            figures.users += users;
            for (int d = a; d < b; d++) {
                int at = (d * MODELS.length + model.ordinal()) * 3;
                figures.messages += modelSums[at];
                figures.inputTokens += modelSums[at + 1];
                figures.outputTokens += modelSums[at + 2];
            }
        }
    }

    /** Per day, the sorted previous days (plus one; 0 for none) of the users counted that day. */
    private record DistinctDays(int[] starts, char[] previousPlusOne) {

        /** The distinct users of days {@code [a, b)}. */
        int count(int a, int b) {
            int count = 0;
            for (int d = a; d < b; d++) {
                // previous day < a, i.e. previous + 1 < a + 1
                count += lowerBound(starts[d], starts[d + 1], a + 1) - starts[d];
            }
            return count;
        }

        private int lowerBound(int low, int high, int value) {
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (previousPlusOne[middle] < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        static final class Builder {
            private final char[][] perDay;
            private final int[] sizes;

            Builder(int days) {
                perDay = new char[days][];
                sizes = new int[days];
            }

            void add(int d, int previous) {
                char[] values = perDay[d];
                if (values == null) {
                    values = perDay[d] = new char[16];
                } else if (sizes[d] == values.length) {
                    values = perDay[d] = Arrays.copyOf(values, values.length * 2);
                }
                values[sizes[d]++] = (char) (previous + 1);
            }

            DistinctDays build() {
                int[] starts = new int[perDay.length + 1];
                for (int d = 0; d < perDay.length; d++) {
                    starts[d + 1] = starts[d] + sizes[d];
                }
                char[] values = new char[starts[perDay.length]];
                for (int d = 0; d < perDay.length; d++) {
                    if (sizes[d] > 0) {
                        Arrays.sort(perDay[d], 0, sizes[d]);
                        System.arraycopy(perDay[d], 0, values, starts[d], sizes[d]);
                    }
                }
                return new DistinctDays(starts, values);
            }
        }
    }
}
