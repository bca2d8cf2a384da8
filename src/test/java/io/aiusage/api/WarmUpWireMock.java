package io.aiusage.api;

import static io.aiusage.api.VendorStubs.fixture;
import static io.aiusage.api.VendorStubs.json;
import static io.aiusage.api.VendorStubs.tabnine;
import static io.aiusage.api.VendorStubs.windsurf;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * {@link VendorsWireMock} with {@link SmallOrg} stubbed before the application starts, so warm-up finds the vendors
 * answering. Tabnine's per-user series answer whatever days they are asked for (the fixtures hold today's days).
 */
public class WarmUpWireMock extends VendorsWireMock {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        LocalDate today = LocalDate.ofInstant(MovableClock.START, ZoneOffset.UTC);
        SmallOrg.stub(mocks(), today);
        Map.of(SmallOrg.T_ALICE, "alice", SmallOrg.T_BOB, "bob", SmallOrg.T_ERIN, "erin", SmallOrg.T_FRANK, "frank",
                SmallOrg.T_GINA, "gina").forEach((id, name) -> mocks().tabnine().stubFor(
                        tabnine("/api/v2/user/usage").atPriority(5).withQueryParam("userId", WireMock.equalTo(id))
                                .willReturn(fixture("tabnine/user-daily-" + name + ".json", today))));
        // the 90 days of organisation usage warm-up loads: empty answers are enough here
        for (String endpoint : new String[] { "Analytics", "CascadeAnalytics" }) {
            mocks().windsurf().stubFor(windsurf(endpoint).atPriority(9).willReturn(json(200, "{}")
                    .withTransformers(WindsurfDays.NAME)));
        }
        for (String path : new String[] { "/api/v2/organization/usage", "/api/v1/organization/agent-usage" }) {
            mocks().tabnine().stubFor(tabnine(path).atPriority(9).willReturn(json(200, "{\"usage\": {\"data\": []}}")));
        }
        return config;
    }
}
