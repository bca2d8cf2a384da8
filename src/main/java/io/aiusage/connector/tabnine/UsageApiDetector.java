package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.TabnineConfig;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;

/**
 * Decides which Tabnine usage API serves which days ({@link UsageApiSplit}). {@code tabnine.usage-api=v1|v2} forces
 * one; {@code tabnine.v2-since} names the boundary. Otherwise the organisation is asked, never a team or a user (a 404
 * about one user or team says nothing about the instance): {@code /api/v2/organization/usage} answering 404 means an
 * installation before 6.2 (v1 alone); answering means v2 exists, and its first day with usage is the boundary, found
 * with one monthly call over the last {@code tabnine.v2-search-months} and one daily call over the first month with
 * usage. v2 without any usage yet puts the boundary at the day of detection (v1 holds everything before it). The
 * answer holds for {@code tabnine.usage-api-redetect}, then the organisation is asked again. A failed detection keeps
 * the previous answer for a minute; with none, the failure is the caller's.
 */
@ApplicationScoped
class UsageApiDetector {

    /** How soon a failed re-detection is tried again while the previous answer is kept. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    private final TabnineClient client;
    private final TabnineConfig config;
    private final Clock clock;
    /** One detection at a time; a lock rather than synchronized, which pins a virtual thread on Java 21. */
    private final ReentrantLock detecting = new ReentrantLock();
    private volatile Detection last;

    /** A split and the moment it stops holding. */
    private record Detection(UsageApiSplit split, Instant until) {
    }

    UsageApiDetector(TabnineClient client, TabnineConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.clock = clock;
    }

    /** Which API serves which days, now. */
    UsageApiSplit split() {
        if (config.usageApi() == UsageApi.V1) {
            return UsageApiSplit.V1_ONLY;
        }
        if (config.usageApi() == UsageApi.V2) {
            return UsageApiSplit.V2_ONLY;
        }
        if (config.v2Since().isPresent()) {
            return new UsageApiSplit(config.v2Since().get());
        }
        Detection known = last;
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.split();
        }
        detecting.lock();
        try {
            return detectUnlessDone();
        } finally {
            detecting.unlock();
        }
    }

    private UsageApiSplit detectUnlessDone() {
        Detection known = last;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known.split(); // detected while this caller waited
        }
        try {
            UsageApiSplit split = detect(LocalDate.ofInstant(now, ZoneOffset.UTC));
            if (known == null || !known.split().equals(split)) {
                Log.infof("Tabnine usage: %s", split.describe());
            }
            last = new Detection(split, now.plus(config.usageApiRedetect()));
            return split;
        } catch (VendorException e) {
            if (known == null) {
                throw e;
            }
            Log.warnf("Tabnine usage API detection failed (%s); keeping %s for now", e.code(), known.split().describe());
            Duration retry = RETRY_AFTER_FAILURE.compareTo(config.usageApiRedetect()) < 0 ? RETRY_AFTER_FAILURE
                    : config.usageApiRedetect();
            last = new Detection(known.split(), now.plus(retry));
            return known.split();
        }
    }

    private UsageApiSplit detect(LocalDate today) {
        LocalDate searchFrom = today.withDayOfMonth(1).minusMonths(Math.max(1, config.v2SearchMonths()) - 1L);
        TimeWindow search = TimeWindow.days(searchFrom, today.plusDays(1));
        List<TabnineWire.UsageBucket> months;
        try {
            months = client.usage(UsageApi.V2, Scope.ORGANIZATION, null, search, Granularity.MONTH).buckets();
        } catch (VendorException.NotFound noV2) {
            return UsageApiSplit.V1_ONLY;
        }
        TabnineWire.UsageBucket firstMonth = months.stream().filter(TabnineFacts::active)
                .filter(b -> b.from() != null).min(Comparator.comparing(TabnineWire.UsageBucket::from)).orElse(null);
        if (firstMonth == null) {
            return new UsageApiSplit(today);
        }
        TimeWindow month = clip(firstMonth, search);
        LocalDate first = client.usage(UsageApi.V2, Scope.ORGANIZATION, null, month, Granularity.DAY).buckets()
                .stream().filter(TabnineFacts::active).filter(b -> b.from() != null)
                .map(b -> LocalDate.ofInstant(b.from(), ZoneOffset.UTC)).filter(d -> !d.isBefore(month.firstDay()))
                .min(Comparator.naturalOrder()).orElse(month.firstDay());
        if (first.equals(searchFrom)) {
            Log.infof("Tabnine v2 has usage from the first day searched (%s): the organisation may have moved to 6.2 "
                    + "earlier; set tabnine.v2-since (or raise tabnine.v2-search-months) if so", searchFrom);
        }
        return new UsageApiSplit(first);
    }

    /** The whole UTC days of a monthly bucket, within the searched window. */
    private static TimeWindow clip(TabnineWire.UsageBucket bucket, TimeWindow search) {
        LocalDate from = LocalDate.ofInstant(bucket.from(), ZoneOffset.UTC);
        LocalDate to = bucket.to() == null ? from.withDayOfMonth(1).plusMonths(1) : endDay(bucket.to());
        LocalDate start = from.isBefore(search.firstDay()) ? search.firstDay() : from;
        LocalDate end = to.isAfter(search.endDayExclusive()) ? search.endDayExclusive() : to;
        return TimeWindow.days(start, end.isAfter(start) ? end : start.plusDays(1));
    }

    /** The UTC day after the last day an exclusive end touches. */
    private static LocalDate endDay(Instant to) {
        LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) ? day : day.plusDays(1);
    }
}
