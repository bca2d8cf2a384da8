package io.aiusage.demo.tabnine;

import java.util.Arrays;
import java.util.List;

import io.aiusage.demo.TabnineDays;
import io.aiusage.demo.TabnineModel;
import io.aiusage.demo.TabnineSeat;

/**
 * The Tabnine usage of one scope (the organisation, or a team) per UTC day, added up once from its users' activity,
 * so that a usage or agent-usage answer over whole days costs time in the days it covers, not in the users' days.
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

    private TabnineDaily(List<TabnineSeat> seats, long firstDay, int days) {
        this.firstDay = firstDay;
        this.days = days;
        this.sums = new long[days * FIELDS];
        this.chatModelSums = new long[days * MODELS.length * 3];
        this.agentModelSums = new long[days * MODELS.length * 3];
        // measures: users, completions, chat, agent, then chat and agent per model
        int measures = 4 + 2 * MODELS.length;
        DistinctDays.Builder[] distinct = new DistinctDays.Builder[measures];
        for (int m = 0; m < measures; m++) {
            distinct[m] = new DistinctDays.Builder(days);
        }
        int[] previous = new int[measures];
        for (TabnineSeat seat : seats) {
            Arrays.fill(previous, -1);
            TabnineDays activity = seat.activity();
            for (int i = 0; i < activity.size(); i++) {
                TabnineSeat.Day day = activity.get(i);
                int d = (int) (activity.epochDay(i) - firstDay);
                add(d, day);
                count(distinct, previous, 0, d, true);
                count(distinct, previous, 1, d, day.completions() > 0);
                count(distinct, previous, 2, d, day.chatMessages() > 0);
                count(distinct, previous, 3, d, day.agentMessages() > 0);
                day.chatModels().forEach(use -> count(distinct, previous, 4 + use.model().ordinal(), d, true));
                day.agentModels().forEach(use -> count(distinct, previous, 4 + MODELS.length + use.model().ordinal(),
                        d, true));
            }
        }
        users = distinct[0].build();
        completionUsers = distinct[1].build();
        chatUsers = distinct[2].build();
        agentUsers = distinct[3].build();
        for (int model = 0; model < MODELS.length; model++) {
            chatModelUsers[model] = distinct[4 + model].build();
            agentModelUsers[model] = distinct[4 + MODELS.length + model].build();
        }
    }

    /** The daily usage of the given users; null when their activity spans more than {@link #MAX_DAYS} days. */
    static TabnineDaily of(List<TabnineSeat> seats) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TabnineSeat seat : seats) {
            TabnineDays activity = seat.activity();
            if (!activity.isEmpty()) {
                first = Math.min(first, activity.epochDay(0));
                last = Math.max(last, activity.epochDay(activity.size() - 1));
            }
        }
        if (first > last) {
            return new TabnineDaily(seats, 0, 0);
        }
        return last - first + 1 > MAX_DAYS ? null : new TabnineDaily(seats, first, (int) (last - first + 1));
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

    private void add(int d, TabnineSeat.Day day) {
        long[] values = { day.completions(), day.completionLines(), day.charsCompleted(), day.keystrokes(),
                day.chatMessages(), day.usefulChatMessages(), day.chatLinesAdded(), day.instructAccepted(),
                day.agentMessages(), day.agentLinesAdded(), day.agentLinesAddedAccepted(), day.agentLinesRemoved(),
                day.agentLinesRemovedAccepted() };
        for (int f = 0; f < FIELDS; f++) {
            sums[d * FIELDS + f] += values[f];
        }
        add(chatModelSums, d, day.chatModels());
        add(agentModelSums, d, day.agentModels());
    }

    private static void add(long[] modelSums, int d, List<TabnineSeat.ModelUse> uses) {
        for (TabnineSeat.ModelUse use : uses) {
            int at = (d * MODELS.length + use.model().ordinal()) * 3;
            modelSums[at] += use.messages();
            modelSums[at + 1] += use.inputTokens();
            modelSums[at + 2] += use.outputTokens();
        }
    }

    private static void count(DistinctDays.Builder[] distinct, int[] previous, int measure, int d, boolean had) {
        if (had && previous[measure] != d) {
            distinct[measure].add(d, previous[measure]);
            previous[measure] = d;
        }
    }

    /** A model appears in a bucket when someone used it there, as when the bucket is added up from the days. */
    private static void models(java.util.Map<TabnineModel, UsageTotals.ModelTotals> totals, long[] modelSums,
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
