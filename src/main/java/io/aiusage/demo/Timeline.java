package io.aiusage.demo;

import static io.aiusage.demo.Draws.earliest;
import static io.aiusage.demo.Draws.latest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * When a synthetic seat's life happens: its span, which follows from its lifecycle, and its weekday-shaped active
 * days within the organisation's history. Shared by both vendors' seat builders; the vendor's {@link VendorProfile}
 * sets how often and how hard its users work.
 */
final class Timeline {

    private final int historyDays;
    private final LocalDate firstDay;
    private final LocalDate anchor;

    Timeline(DemoSettings settings) {
        this.historyDays = settings.historyDays();
        this.firstDay = settings.firstDay();
        this.anchor = settings.anchorDate();
    }

    /** When the seat was created, its last active day and when it was ended; null where it has none. */
    record Span(LocalDate joined, LocalDate lastActive, LocalDate ended) {
    }

    /** Makes one active day's activity of a vendor. */
    interface DayMaker {
        void day(SplittableRandom random, LocalDate date, double intensity);
    }

    /** The last day with activity. */
    LocalDate anchor() {
        return anchor;
    }

    Span span(SplittableRandom random, Lifecycle lifecycle) {
        LocalDate joined = random.nextDouble() < 0.35 ? firstDay.minusDays(1 + random.nextInt(300))
                : firstDay.plusDays(random.nextInt(Math.max(1, historyDays * 6 / 10)));
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
     * Makes the active days of a seat, in date order: weekday-shaped, within the history, ending with the seat's last
     * active day (its last weekday, which is always active). How often the holder works and how much is drawn from
     * the vendor's profile.
     */
    void activity(SplittableRandom random, Span span, VendorProfile profile, DayMaker maker) {
        if (span.lastActive() == null) {
            return;
        }
        double weekdayChance = profile.weekdayChance().draw(random);
        double intensity = profile.intensity().draw(random);
        LocalDate lastWeekday = span.lastActive();
        while (lastWeekday.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            lastWeekday = lastWeekday.minusDays(1);
        }
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
                maker.day(random, date, intensity * shape * (0.5 + random.nextDouble()));
            }
        }
    }
}
