package io.aiusage.config;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Says at start-up how the API is protected: AUTH_MODE=oidc without an issuer refuses to start with one line naming
 * the variables to set (after the vendor check of {@link StartupCheck}); AUTH_MODE=none logs one WARN line, since
 * anyone who reaches the port then reads every person's data.
 */
public class AuthCheck {

    static final String MISSING_ISSUER = "AUTH_MODE=oidc (the default) needs the OIDC issuer that signs callers' "
            + "tokens: set QUARKUS_OIDC_AUTH_SERVER_URL (e.g. https://keycloak.example.com/realms/acme) and "
            + "QUARKUS_OIDC_TOKEN_AUDIENCE, or set AUTH_MODE=none on a trusted network or for a demo.";
    static final String OPEN = "AUTH_MODE=none: the GraphQL API is open, anyone who reaches this port reads every "
            + "person's usage; use it on a trusted network or for a demo only (AUTH_MODE=oidc protects it).";

    void check(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event, AuthConfig auth,
            @ConfigProperty(name = AuthTenantInterceptor.ISSUER) Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audience) {
        if (!auth.enforced()) {
            Log.warn(OPEN);
            return;
        }
        if (issuer.filter(url -> !url.isBlank()).isEmpty()) {
            throw new ConfigurationException(MISSING_ISSUER);
        }
        if (audience.isEmpty()) {
            Log.warn("QUARKUS_OIDC_TOKEN_AUDIENCE is not set: any token of " + issuer.get()
                    + " is accepted, whichever client it was issued for.");
        }
    }
}
