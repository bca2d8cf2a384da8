package io.aiusage.connector.tabnine;

import java.time.LocalDate;
import java.util.List;

import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.TimeWindow;

/**
 * Which of Tabnine's usage APIs serves which UTC days: v1 before {@code v2From}, v2 from it on. v1 is frozen at the 6.2
 * upgrade and v2 starts there, so an organisation that upgraded has its history in both; a window reaching across
 * {@code v2From} is read in two parts, every day from exactly one API (the boundary day from v2, so it counts once).
 * {@link LocalDate#MIN} means v2 for every day, {@link LocalDate#MAX} v1 for every day (an instance before 6.2).
 */
record UsageApiSplit(LocalDate v2From) {

    static final UsageApiSplit V1_ONLY = new UsageApiSplit(LocalDate.MAX);
    static final UsageApiSplit V2_ONLY = new UsageApiSplit(LocalDate.MIN);

    /** One API's share of a window: whole UTC days. */
    record Part(UsageApi api, TimeWindow window) {
    }

    /** True when both APIs serve days: v1 the history before the upgrade, v2 the rest. */
    boolean stitched() {
        return !v2From.equals(LocalDate.MIN) && !v2From.equals(LocalDate.MAX);
    }

    /** The API that serves {@code day}. */
    UsageApi apiOn(LocalDate day) {
        return day.isBefore(v2From) ? UsageApi.V1 : UsageApi.V2;
    }

    /** {@code window}, widened to whole UTC days, cut at {@code v2From}: one part per API it touches, in day order. */
    List<Part> parts(TimeWindow window) {
        TimeWindow days = window.toWholeDays();
        LocalDate first = days.firstDay();
        LocalDate end = days.endDayExclusive();
        if (!first.isBefore(v2From)) {
            return List.of(new Part(UsageApi.V2, days));
        }
        if (!end.isAfter(v2From)) {
            return List.of(new Part(UsageApi.V1, days));
        }
        return List.of(new Part(UsageApi.V1, TimeWindow.days(first, v2From)),
                new Part(UsageApi.V2, TimeWindow.days(v2From, end)));
    }

    /** For logs: which API serves which days. */
    String describe() {
        if (v2From.equals(LocalDate.MAX)) {
            return "v1 for every day (no v2 usage API)";
        }
        if (v2From.equals(LocalDate.MIN)) {
            return "v2 for every day";
        }
        return "v1 before " + v2From + ", v2 from " + v2From;
    }
}
