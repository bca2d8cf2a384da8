package io.aiusage.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.config.AuthConfig;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read what. Data is either an aggregate (needs the viewer or the people-reader role) or personal (needs
 * people-reader); a change at a vendor (a mutation) needs the admin role. GraphQL fields get their kind from {@link FieldAccess}; any other way out of the service (a CSV
 * export, a dashboard page) asks this class the same questions, so the roles mean the same everywhere. With
 * {@code AUTH_MODE=none} everything is open.
 */
@ApplicationScoped
public class Access {

    /** What a piece of data reveals. */
    public enum Data {
        /** Counts and sums over many people: vendors, usage, seat utilisation and freshness, teams. */
        AGGREGATE,
        /** Who someone is and what they did: people, accounts, members, idle or overlapping seats. */
        PERSONAL,
        /** A change made at a vendor (every mutation): needs the admin role, which no other role implies. */
        ADMIN
    }

    private final AuthConfig auth;

    public Access(AuthConfig auth) {
        this.auth = auth;
    }

    /** Whether tokens and roles are checked at all ({@code AUTH_MODE=oidc}). */
    public boolean enforced() {
        return auth.enforced();
    }

    /** The role to grant a caller so they may read {@code data}: the one FORBIDDEN errors name. */
    public String roleFor(Data data) {
        return switch (data) {
            case PERSONAL -> auth.roles().peopleReader();
            case ADMIN -> auth.roles().admin();
            case AGGREGATE -> auth.roles().viewer();
        };
    }

    /** Whether {@code caller} may read {@code data}; people-reader also reads every aggregate. */
    public boolean allows(SecurityIdentity caller, Data data) {
        if (!enforced()) {
            return true;
        }
        if (caller == null || caller.isAnonymous()) {
            return false;
        }
        if (data == Data.ADMIN) {
            return caller.hasRole(auth.roles().admin());
        }
        return caller.hasRole(auth.roles().peopleReader())
                || data == Data.AGGREGATE && caller.hasRole(auth.roles().viewer());
    }

    /** The error for a caller who may not read (or change) {@code what}, naming the role they need. */
    ApiError.Forbidden forbidden(Data data, String what) {
        return new ApiError.Forbidden(what + " needs the " + roleFor(data) + " role"
                + (data == Data.PERSONAL ? " (personal data)" : "") + "; ask your identity provider's administrator "
                + "to grant it.");
    }
}
