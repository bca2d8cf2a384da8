package io.aiusage.demo.tabnine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.DemoSettings;
import io.aiusage.demo.TabnineSeat;
import io.aiusage.demo.TabnineTeam;
import io.aiusage.demo.tabnine.TabnineUsage.Granularity;

/**
 * Organisation and team usage over whole days is added up from {@link TabnineDaily}; it must answer exactly what
 * adding up the users' days answers, distinct user counts included, for every scope, window and granularity.
 */
class TabnineDailyTest {

    private static final DemoOrganisation ORGANISATION = DemoOrganisation.generate(
            new DemoSettings(300, 42, LocalDate.of(2025, 3, 31), 400));
    private static final TabnineDaily.Scopes DAILY = TabnineDaily.of(ORGANISATION);
    private static final List<String> WINDOWS = List.of("2025-03-01/2025-04-01", "2025-02-10/2025-03-22",
            "2024-03-31/2025-04-01", "2025-03-17/2025-03-18", "2023-01-01/2023-02-01", "2025-03-30/2026-01-01");

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void dailyAggregatesAnswerAsTheUsersDaysDo(Granularity granularity) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope("organisation", ORGANISATION.tabnineSeats(), DAILY.organisation()));
        for (TabnineTeam team : ORGANISATION.tabnineTeams()) {
            scopes.add(new Scope(team.name(), ORGANISATION.tabnineTeamMembers(team.id()),
                    DAILY.teams().get(team.id())));
        }
        int activeBuckets = 0;
        for (Scope scope : scopes) {
            for (String window : WINDOWS) {
                Instant from = LocalDate.parse(window.split("/")[0]).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant to = LocalDate.parse(window.split("/")[1]).atStartOfDay().toInstant(ZoneOffset.UTC);
                List<TabnineUsage.Bucket> aggregated = TabnineUsage.buckets(scope.seats(), scope.daily(), from, to,
                        granularity);
                List<TabnineUsage.Bucket> scanned = TabnineUsage.buckets(scope.seats(), null, from, to, granularity);
                String what = scope.name() + " " + window + " " + granularity;
                assertEquals(map(scanned, TabnineUsage::v1), map(aggregated, TabnineUsage::v1), what);
                assertEquals(map(scanned, bucket -> TabnineUsage.v2(bucket, null)),
                        map(aggregated, bucket -> TabnineUsage.v2(bucket, null)), what);
                assertEquals(map(scanned, TabnineUsage::agent), map(aggregated, TabnineUsage::agent), what);
                activeBuckets += (int) scanned.stream().filter(bucket -> bucket.totals().users > 1).count();
            }
        }
        assertTrue(activeBuckets >= 30, activeBuckets + " buckets with several users");
    }

    private record Scope(String name, List<TabnineSeat> seats, TabnineDaily daily) {
    }

    private static <T> List<T> map(List<TabnineUsage.Bucket> buckets, Function<TabnineUsage.Bucket, T> wire) {
        return buckets.stream().map(wire).toList();
    }
}
