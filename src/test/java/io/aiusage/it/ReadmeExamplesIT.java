package io.aiusage.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The README examples against the packaged application in demo mode. */
@QuarkusIntegrationTest
class ReadmeExamplesIT extends io.aiusage.api.ReadmeExamplesTest {
}
