package io.aiusage.connector.tabnine;

import java.util.Optional;

import io.aiusage.config.TabnineConfig;

/** Hand-made settings for a fresh {@link TabnineClient}, so a test starts with nothing remembered. */
record TestTabnineConfig(String url, Optional<String> token, Optional<String> organizationId, UsageApi usageApi,
        int pageSize, int maxPages, int concurrency, int activityLookbackDays) implements TabnineConfig {

    static TestTabnineConfig of(UsageApi usageApi, String organizationId) {
        return new TestTabnineConfig("unused: the injected REST client has its URL", Optional.of(TabnineFixtures.TOKEN),
                Optional.ofNullable(organizationId), usageApi, 2, 3, 2, 366);
    }
}
