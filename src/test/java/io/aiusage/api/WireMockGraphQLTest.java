package io.aiusage.api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.aiusage.connector.cache.VendorCache;

/**
 * Base of the GraphQL contract tests: before each test both vendor mocks serve {@link SmallOrg} afresh, with no
 * recorded requests, and the vendor cache is empty so every test sees the vendors' answers.
 */
abstract class WireMockGraphQLTest {

    @InjectVendorMocks
    VendorMocks mocks;

    @Inject
    VendorCache cache;

    /** The UTC day the fixtures' relative dates are resolved against. */
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void serveTheSmallOrganisation() {
        mocks.resetAll();
        cache.clear();
        SmallOrg.stub(mocks, today);
    }
}
