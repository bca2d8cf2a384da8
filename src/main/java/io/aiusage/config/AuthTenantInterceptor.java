package io.aiusage.config;

import java.util.Locale;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Keeps quarkus-oidc's default tenant off ({@code quarkus.oidc.tenant-enabled=false}) unless {@code AUTH_MODE=oidc}
 * and an issuer is set. With AUTH_MODE=none no token is verified; with AUTH_MODE=oidc and no issuer quarkus-oidc
 * would stop start-up with its own message, so {@link AuthCheck} refuses instead with one line naming the variables
 * to set (and, should it not run, every GraphQL request stays refused: no identity can be established). An
 * interceptor rather than a config source, because it must see every source, test overrides included.
 */
@Priority(Priorities.APPLICATION)
public class AuthTenantInterceptor implements ConfigSourceInterceptor {

    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    static final String ISSUER = "quarkus.oidc.auth-server-url";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!TENANT_ENABLED.equals(name)) {
            return context.proceed(name);
        }
        ConfigValue mode = context.restart("auth.mode");
        ConfigValue issuer = context.restart(ISSUER);
        boolean oidc = mode == null || mode.getValue() == null
                || "oidc".equals(mode.getValue().strip().toLowerCase(Locale.ROOT));
        if (oidc && issuer != null && issuer.getValue() != null && !issuer.getValue().isBlank()) {
            return context.proceed(name);
        }
        return ConfigValue.builder().withName(name).withValue("false").withConfigSourceName("auth-mode").build();
    }
}
