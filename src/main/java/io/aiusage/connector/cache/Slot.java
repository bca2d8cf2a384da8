package io.aiusage.connector.cache;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.aiusage.domain.TimeWindow;

/**
 * The unit one cache entry covers: a UTC day, a vendor's period (a week, a month, a whole window for a figure that
 * cannot be summed from days), or no window at all ({@code window} null: seat lists, teams, balances).
 */
record Slot(String id, TimeWindow window) {

    /** Every UTC day of {@code window} widened to whole days, in order. */
    static List<Slot> days(TimeWindow window) {
        TimeWindow days = window.toWholeDays();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = days.firstDay(); day.isBefore(days.endDayExclusive()); day = day.plusDays(1)) {
            slots.add(new Slot(day.toString(), TimeWindow.days(day, day.plusDays(1))));
        }
        return slots;
    }

    /** One slot per period (consecutive, contiguous), named by its granularity and ends. */
    static List<Slot> periods(String granularity, List<TimeWindow> periods) {
        return periods.stream().map(p -> new Slot(granularity + ":" + p.firstDay() + "/" + p.endDayExclusive(), p))
                .toList();
    }

    /** Data that has no window; {@code variant} tells apart answers to different questions about one scope. */
    static Slot unwindowed(String variant) {
        return new Slot(variant, null);
    }

    /** True when {@code next} starts where this slot ends, so both can be fetched with one call. */
    boolean joins(Slot next) {
        return window != null && next.window != null && window.to().equals(next.window.from());
    }

    /**
     * {@code slots} cut into runs of consecutive, contiguous slots: each run is one vendor call. A slot without a
     * window is a run of its own.
     */
    static List<List<Slot>> runs(List<Slot> slots) {
        List<List<Slot>> runs = new ArrayList<>();
        List<Slot> run = new ArrayList<>();
        for (Slot slot : slots) {
            if (!run.isEmpty() && !run.getLast().joins(slot)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(slot);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** The window a run covers: from its first slot's start to its last slot's end (null when not windowed). */
    static TimeWindow span(List<Slot> run) {
        TimeWindow first = run.getFirst().window();
        return first == null ? null : new TimeWindow(first.from(), run.getLast().window().to());
    }
}
