package io.aiusage.demo.tabnine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import io.aiusage.demo.TabnineModel;
import io.aiusage.demo.TabnineDays;
import io.aiusage.demo.TabnineSeat;
import io.aiusage.demo.tabnine.TabnineWire.AgentPoint;
import io.aiusage.demo.tabnine.TabnineWire.ModelCost;
import io.aiusage.demo.tabnine.TabnineWire.ModelUsage;

/**
 * Tabnine usage over a window: split into buckets ({@code from} inclusive, {@code to} exclusive; daily buckets are
 * UTC days, weekly ones start on Monday, monthly ones on the 1st, all clipped to the window; {@code all} is one
 * bucket), each adding up the activity-log days whose moment falls in it. Every bucket is returned, empty ones too.
 */
final class TabnineUsage {

    /** Granularity values; the spec also accepts {@code day}, {@code week} and {@code month}. */
    enum Granularity {
        ALL, DAILY, WEEKLY, MONTHLY;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Granularity> parse(String value) {
            return Optional.ofNullable(switch (value) {
                case "all" -> ALL;
                case "daily", "day" -> DAILY;
                case "weekly", "week" -> WEEKLY;
                case "monthly", "month" -> MONTHLY;
                default -> null;
            });
        }
    }

    /** A bucket's totals over the given users. */
    record Bucket(Instant from, Instant to, UsageTotals totals) {
    }

    private TabnineUsage() {
    }

    /**
     * The buckets of {@code [from, to)} with the given users' activity added up. Over whole UTC days, and given the
     * users' {@link TabnineDaily} ({@code daily}, else null), each bucket is added up from the daily figures; otherwise
     * from the days of each user that meet the window (found by binary search, so only those are read).
     */
    static List<Bucket> buckets(List<TabnineSeat> seats, TabnineDaily daily, Instant from, Instant to,
            Granularity granularity) {
        List<Bucket> buckets = new ArrayList<>();
        for (Instant start = from; start.isBefore(to);) {
            Instant end = granularity == Granularity.ALL ? to : earliest(nextBoundary(start, granularity), to);
            buckets.add(new Bucket(start, end, new UsageTotals()));
            start = end;
        }
        if (daily != null && midnight(from) && midnight(to)) {
            for (Bucket bucket : buckets) {
                daily.addTo(bucket.totals(), epochDay(bucket.from()), epochDay(bucket.to()));
            }
            return buckets;
        }
        for (int user = 0; user < seats.size(); user++) {
            TabnineDays days = seats.get(user).activity();
            for (int i = days.firstEndingAfter(from), end = days.endStartingBefore(to); i < end; i++) {
                if (days.within(i, from, to)) {
                    TabnineSeat.Day day = days.get(i);
                    bucketOf(buckets, day.at()).totals().add(user, day);
                }
            }
        }
        return buckets;
    }

    private static boolean midnight(Instant instant) {
        return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), 86_400L) == 0;
    }

    private static long epochDay(Instant midnight) {
        return Math.floorDiv(midnight.getEpochSecond(), 86_400L);
    }

    static TabnineWire.V1Bucket v1(Bucket bucket) {
        UsageTotals t = bucket.totals();
        long chatChars = t.chatLinesAdded * 40;
        return new TabnineWire.V1Bucket(bucket.from().toString(), bucket.to().toString(), t.users,
                ratio(t.charsCompleted + chatChars, t.charsCompleted + chatChars + t.keystrokes),
                new TabnineWire.Instruct(t.instructAccepted),
                new TabnineWire.V1Completions(t.completionUsers, t.completions, t.charsCompleted, t.keystrokes,
                        t.completionLines, ratio(t.charsCompleted, t.charsCompleted + t.keystrokes)),
                new TabnineWire.V1Chat(t.chatUsers, t.chatMessages, t.usefulChatMessages, t.chatLinesAdded,
                        chatChars, ratio(t.usefulChatMessages, t.chatMessages)),
                new TabnineWire.V1Agent(t.agentUsers, t.agentMessages, t.agentLinesAdded,
                        t.agentLinesAddedAccepted, t.agentLinesRemoved, t.agentLinesRemovedAccepted));
    }

    /** {@code seat} is the user of a per-user query (its IDEs and languages are reported), else null. */
    static TabnineWire.V2Bucket v2(Bucket bucket, TabnineSeat seat) {
        UsageTotals t = bucket.totals();
        boolean reportUser = seat != null && t.users > 0;
        return new TabnineWire.V2Bucket(bucket.from().toString(), bucket.to().toString(), t.users,
                new TabnineWire.V2Completions(t.completionUsers, t.completions, t.charsCompleted, t.keystrokes,
                        t.completionLines),
                new TabnineWire.V2Chat(t.chatUsers, t.chatMessages, t.chatLinesAdded, models(t.chatModels)),
                new TabnineWire.V2Agent(t.agentUsers, t.agentMessages, t.agentLinesAdded,
                        t.agentLinesAddedAccepted, t.agentLinesRemoved, t.agentLinesRemovedAccepted,
                        models(t.agentModels)),
                reportUser ? seat.ides() : null, reportUser ? seat.languages() : null);
    }

    /** Agent tokens and list-price cost per model. */
    static AgentPoint agent(Bucket bucket) {
        UsageTotals t = bucket.totals();
        List<ModelCost> breakdown = new ArrayList<>();
        t.agentModels.forEach((model, totals) -> breakdown.add(new ModelCost(model.modelName(),
                totals.inputTokens + totals.outputTokens, totals.inputTokens, totals.outputTokens,
                round(model.cost(totals.inputTokens, totals.outputTokens), 4))));
        long input = sum(breakdown, ModelCost::inputTokens);
        long output = sum(breakdown, ModelCost::outputTokens);
        double cost = round(breakdown.stream().mapToDouble(ModelCost::cost).sum(), 4);
        return new AgentPoint(bucket.from().toString(), bucket.to().toString(), t.agentUsers, input + output,
                input, output, cost, List.copyOf(breakdown));
    }

    private static List<ModelUsage> models(Map<TabnineModel, UsageTotals.ModelTotals> models) {
        List<ModelUsage> usages = new ArrayList<>();
        models.forEach((model, totals) -> usages.add(new ModelUsage(model.uuid(), totals.messages,
                totals.users, totals.inputTokens, totals.outputTokens)));
        return List.copyOf(usages);
    }

    private static Bucket bucketOf(List<Bucket> buckets, Instant at) {
        int low = 0;
        int high = buckets.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (buckets.get(middle).from().isAfter(at)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return buckets.get(low);
    }

    private static Instant nextBoundary(Instant instant, Granularity granularity) {
        ZonedDateTime day = instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime next = switch (granularity) {
            case DAILY -> day.plusDays(1);
            case WEEKLY -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1).plusMonths(1);
            case ALL -> throw new IllegalArgumentException("all has no boundaries");
        };
        return next.toInstant();
    }

    private static <T> long sum(List<T> values, ToLongFunction<T> of) {
        return values.stream().mapToLong(of).sum();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole, 3);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
