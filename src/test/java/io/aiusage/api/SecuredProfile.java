package io.aiusage.api;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * AUTH_MODE=oidc against the test issuer, over the WireMock vendors, shared by every security test so Quarkus starts
 * once for all of them. Roles are read from {@code realm_access/roles} (Keycloak's claim) and the personal-data role
 * and the admin role are renamed, to show they are configuration; one browser origin is allowed; REST client traffic is logged with
 * bodies, so the secrets test has something to look through.
 */
public class SecuredProfile implements QuarkusTestProfile {

    static final String PEOPLE_READER = "usage-people-reader";
    static final String DASHBOARD = "https://dashboard.example.com";
    static final String ADMIN = "usage-billing-admin";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("auth.roles.people-reader", PEOPLE_READER,
                "auth.roles.admin", ADMIN,
                "quarkus.http.cors.origins", DASHBOARD,
                "quarkus.rest-client.logging.scope", "request-response",
                "quarkus.rest-client.logging.body-limit", "10000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VendorsWireMock.class),
                new TestResourceEntry(TestIssuer.class, Map.of("roles-claim", "realm_access/roles")));
    }
}
