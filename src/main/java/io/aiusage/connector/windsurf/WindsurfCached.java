package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.windsurf.CascadeAnalytics.Query;
import io.aiusage.connector.windsurf.CustomAnalytics.Row;
import io.aiusage.connector.windsurf.UserPageAnalytics.UserStats;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Windsurf's data as the connector reads it: through the window-keyed cache, one dataset per endpoint. Usage is held
 * per UTC day and scope (the organisation, or a group); seat tables per scope, the organisation's also per window
 * (its {@code activeDays} depend on it), snapped to whole days.
 */
@ApplicationScoped
@RegisterForReflection(targets = { UserStats.class, UserPageAnalytics.TeamStatus.class,
        WindsurfCreditBalance.class }) // cached as JSON in Redis
class WindsurfCached {

    private static final Vendor WINDSURF = Vendor.WINDSURF;
    static final Dataset<List<DailyUsage>> ANALYTICS = Dataset.of(WINDSURF, "analytics",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());
    static final Dataset<List<DailyUsage>> CASCADE = Dataset.of(WINDSURF, "cascade",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());
    static final Dataset<List<UserStats>> SEATS = Dataset.of(WINDSURF, "user-page-analytics",
            new TypeReference<List<UserStats>>() {
            }, List.of());
    static final Dataset<WindsurfCreditBalance> BALANCE = Dataset.of(WINDSURF, "credit-balance",
            new TypeReference<WindsurfCreditBalance>() {
            }, null);

    private final WindsurfClient client;
    private final VendorCache cache;

    WindsurfCached(WindsurfClient client, VendorCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * Custom Analytics rows by day: USER_DATA and CHAT_DATA sums per api_key and date, one call per missing run of
     * days. Chats are grouped by api_key too, so organisation usage and per-person usage read the same days.
     */
    Fetched<List<DailyUsage>> analytics(String group, TimeWindow window) {
        return analyticsDays(group, window).map(WindsurfCached::flatten);
    }

    /** As {@link #analytics}, one list per day: the cache's own day entries, the same objects while unchanged. */
    Fetched<List<List<DailyUsage>>> analyticsDays(String group, TimeWindow window) {
        return cache.days(ANALYTICS, scope(group), window, run -> {
            List<List<Row>> rows = client.analytics(group, run, completionsAndChats(run));
            return WindsurfFacts.analytics(rows.get(0), rows.get(1));
        });
    }

    /** Cascade lines and runs by day, one CascadeAnalytics call per missing run of days. */
    Fetched<List<DailyUsage>> cascade(String group, TimeWindow window) {
        return cache.days(CASCADE, scope(group), window, run -> {
            CascadeAnalytics.Response answer = client.cascadeAnalytics(group, run,
                    List.of(Query.CASCADE_LINES, Query.CASCADE_RUNS));
            return WindsurfFacts.cascade(answer.lines(), answer.runs());
        }).map(WindsurfCached::flatten);
    }

    /**
     * The organisation's seat table. {@code window} scopes {@code activeDays}: it is snapped to whole UTC days, so
     * every window within the same days shares one entry; null asks for Windsurf's default (the last year).
     */
    /** When seat tables fetched at {@code fetchedAt} are due for a refresh ahead (and so replaced). */
    Instant refreshDueAt(Instant fetchedAt) {
        return cache.refreshDueAt(io.aiusage.domain.Vendor.WINDSURF, fetchedAt);
    }

    Fetched<List<UserStats>> seats(TimeWindow window) {
        TimeWindow days = window == null ? null : window.toWholeDays();
        String variant = days == null ? "default" : days.firstDay() + "/" + days.endDayExclusive();
        return cache.entry(SEATS, "org", variant, () -> client.userPageAnalytics(null, days).userTableStats());
    }

    /** One group's members; membership does not depend on a window. */
    Fetched<List<UserStats>> members(String group) {
        return cache.entry(SEATS, scope(group), "default",
                () -> client.userPageAnalytics(group, null).userTableStats());
    }

    Fetched<WindsurfCreditBalance> balance() {
        return cache.entry(BALANCE, "org", "current", client::teamCreditBalance);
    }

    private static String scope(String group) {
        return group == null ? "org" : "group:" + group;
    }

    private static List<DailyUsage> flatten(List<List<DailyUsage>> days) {
        return days.stream().flatMap(List::stream).toList();
    }

    /** USER_DATA completion sums, then CHAT_DATA chat sums, both per api_key and date. */
    private static List<CustomAnalytics.Query> completionsAndChats(TimeWindow days) {
        List<String> byKeyAndDate = List.of(CustomAnalytics.API_KEY, CustomAnalytics.DATE);
        return List.of(
                CustomAnalytics.Query.sums(CustomAnalytics.USER_DATA,
                        List.of(CustomAnalytics.NUM_ACCEPTANCES, CustomAnalytics.NUM_LINES_ACCEPTED), byKeyAndDate,
                        days),
                CustomAnalytics.Query.sums(CustomAnalytics.CHAT_DATA, List.of(CustomAnalytics.NUM_CHATS_RECEIVED),
                        byKeyAndDate, days));
    }
}
