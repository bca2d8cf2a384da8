package io.aiusage.api;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The two WireMock servers standing in for the vendors, handed to a test through {@link InjectVendorMocks}. */
record VendorMocks(WireMockServer windsurf, WireMockServer tabnine) {

    /** Forgets every stub and every recorded request on both servers. */
    void resetAll() {
        windsurf.resetAll();
        tabnine.resetAll();
    }

    /** Forgets the recorded requests only, keeping the stubs. */
    void resetRequests() {
        windsurf.resetRequests();
        tabnine.resetRequests();
    }
}
