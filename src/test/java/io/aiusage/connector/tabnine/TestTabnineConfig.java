package io.aiusage.connector.tabnine;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.aiusage.config.TabnineConfig;

/** Hand-made settings for a fresh {@link TabnineClient}, so a test starts with nothing remembered. */
record TestTabnineConfig(String url, Optional<String> token, Optional<String> organizationId, UsageApi usageApi,
        int pageSize, int maxPages, int concurrency, int activityLookbackDays, Duration usageApiRedetect,
        Optional<LocalDate> v2Since, int v2SearchMonths) implements TabnineConfig {

    static TestTabnineConfig of(UsageApi usageApi, String organizationId) {
        return new TestTabnineConfig("unused: the injected REST client has its URL", Optional.of(TabnineFixtures.TOKEN),
                Optional.ofNullable(organizationId), usageApi, 2, 3, 2, 366, Duration.ofHours(1), Optional.empty(),
                36);
    }

    /** These settings with {@code tabnine.usage-api-redetect} and {@code tabnine.v2-since} as given. */
    TestTabnineConfig detecting(Duration redetect, LocalDate v2Since) {
        return new TestTabnineConfig(url, token, organizationId, usageApi, pageSize, maxPages, concurrency,
                activityLookbackDays, redetect, Optional.ofNullable(v2Since), v2SearchMonths);
    }
}
