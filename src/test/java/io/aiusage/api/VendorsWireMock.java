package io.aiusage.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Both vendors at once, each on its own WireMock server with a free port, so the GraphQL API runs over the real
 * connectors and REST clients. Demo mode is off: it would otherwise point both vendors at the emulator.
 */
public class VendorsWireMock implements QuarkusTestResourceLifecycleManager {

    static final String WINDSURF_KEY = "ws-gql-key-3b9d51c7e2";
    static final String TABNINE_TOKEN = "tn-gql-token-84f1a0c6d2e7";
    static final String TABNINE_ORG = "0a9e5c1d-2b3f-4c6d-8e7f-9a0b1c2d3e4f";
    /** A Tabnine model id that {@code tabnine.model-names} names, and the name. */
    static final String TABNINE_NAMED_MODEL = "5b2c7d10-0000-4000-8000-00000000a001";
    static final String TABNINE_MODEL_NAME = "Claude Sonnet 4";

    private VendorMocks mocks;

    @Override
    public Map<String, String> start() {
        mocks = new VendorMocks(new WireMockServer(options().dynamicPort().extensions(new WindsurfDays())),
                new WireMockServer(options().dynamicPort()));
        mocks.windsurf().start();
        mocks.tabnine().start();
        return Map.of(
                "demo.enabled", "false",
                "windsurf.url", mocks.windsurf().baseUrl(),
                "windsurf.service-key", WINDSURF_KEY,
                "windsurf.groups", "engineering,platform",
                "tabnine.url", mocks.tabnine().baseUrl(),
                "tabnine.token", TABNINE_TOKEN,
                "tabnine.organization-id", TABNINE_ORG,
                "tabnine.usage-api", "v2",
                "tabnine.model-names", TABNINE_NAMED_MODEL + "=" + TABNINE_MODEL_NAME);
    }

    /** The servers, for subclasses that stub before the application starts. */
    protected VendorMocks mocks() {
        return mocks;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(mocks,
                new TestInjector.AnnotatedAndMatchesType(InjectVendorMocks.class, VendorMocks.class));
    }

    @Override
    public void stop() {
        if (mocks != null) {
            mocks.windsurf().stop();
            mocks.tabnine().stop();
        }
    }
}
