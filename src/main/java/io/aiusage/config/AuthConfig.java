package io.aiusage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may call the API ({@code AUTH_MODE}) and the token roles that open aggregates and personal data. The issuer,
 * audience and role claim are quarkus-oidc's own keys ({@code quarkus.oidc.*}, see README "Security").
 */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** How callers are authenticated. */
    enum Mode {
        /** Bearer tokens verified against the configured OIDC issuer and its JWKS; roles gate the data. */
        OIDC,
        /** No authentication, every field open: for trusted networks and demos only. */
        NONE
    }

    /** {@code oidc} (the default) or {@code none}; dev and test run with {@code none}. */
    @WithDefault("oidc")
    Mode mode();

    /** Names of the roles, as they appear in the token's role claim. */
    Roles roles();

    /** The roles of the API. */
    interface Roles {
        /** Sees aggregates: vendors, usage, seat utilisation and freshness, teams without members. */
        @WithDefault("viewer")
        String viewer();

        /** Also sees personal data: people, person, team members, idle/never-used/overlapping seats. */
        @WithDefault("people-reader")
        String peopleReader();

        /** May change vendor settings through mutations (Windsurf add-on credit caps); reads nothing by itself. */
        @WithDefault("admin")
        String admin();
    }

    default boolean enforced() {
        return mode() == Mode.OIDC;
    }
}
