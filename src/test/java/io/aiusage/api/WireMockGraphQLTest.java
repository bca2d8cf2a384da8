package io.aiusage.api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Base of the GraphQL contract tests: before each test both vendor mocks serve {@link SmallOrg} afresh, with no
 * recorded requests, and the Tabnine per-user cache is empty so every test sees the vendors' answers.
 */
abstract class WireMockGraphQLTest {

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    @CacheName("tabnine-user-daily")
    Cache tabnineUserDaily;

    /** The UTC day the fixtures' relative dates are resolved against. */
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void serveTheSmallOrganisation() {
        mocks.resetAll();
        tabnineUserDaily.invalidateAll().await().indefinitely();
        SmallOrg.stub(mocks, today);
    }
}
