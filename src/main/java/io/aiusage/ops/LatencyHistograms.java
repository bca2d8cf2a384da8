package io.aiusage.ops;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the latency timers operators alert on, so a p95 can be computed over all replicas with
 * {@code histogram_quantile}: Micrometer publishes only count, sum and max by default. A fixed, short list of buckets
 * (rather than Micrometer's 70-odd percentile buckets) keeps the series count per timer small.
 */
@Singleton
public class LatencyHistograms {

    /**
     * HTTP requests served, vendor HTTP attempts (REST client), GraphQL operations and fields (SmallRye GraphQL),
     * logical vendor calls with their retries and waits for a permit or a vendor's pause, and cache loads.
     */
    static final List<String> TIMERS = List.of("http.server.requests", "http.client.requests", "mp_graphql",
            UpstreamCalls.CALLS, UpstreamCalls.WAITS, CacheMetrics.LOADS);

    static final double[] BUCKETS = Stream.of(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
