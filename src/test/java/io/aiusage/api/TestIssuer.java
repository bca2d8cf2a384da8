package io.aiusage.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A test OIDC issuer on a free port: its discovery document and a JWKS holding the public half of the test key, so
 * quarkus-oidc verifies tokens as it would against Keycloak (no container is needed). Turns {@code AUTH_MODE=oidc}
 * on and gives the test a {@link TestTokens} through {@link InjectTokens}. Init arg {@code roles-claim}: where tokens
 * carry roles ({@code groups}, the service default, unless the profile configures another claim).
 */
public class TestIssuer implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private String rolesClaim = "groups";
    private TestTokens tokens;

    @Override
    public void init(Map<String, String> initArgs) {
        rolesClaim = initArgs.getOrDefault("roles-claim", rolesClaim);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String issuer = server.baseUrl() + "/realms/aiusage";
        String jwks = issuer + "/protocol/openid-connect/certs";
        server.stubFor(get("/realms/aiusage/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%s", "jwks_uri": "%s", "id_token_signing_alg_values_supported": ["RS256"],
                 "subject_types_supported": ["public"], "response_types_supported": ["code"]}""".formatted(issuer, jwks))));
        RSAPublicKey key = (RSAPublicKey) TestTokens.publicKey(TestTokens.ISSUER_KEY);
        server.stubFor(get("/realms/aiusage/protocol/openid-connect/certs").willReturn(okJson("""
                {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "%s"}]}"""
                .formatted(TestTokens.KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent())))));
        tokens = new TestTokens(issuer, rolesClaim);
        return Map.of("auth.mode", "oidc",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE,
                "quarkus.oidc.roles.role-claim-path", rolesClaim);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(tokens, new TestInjector.AnnotatedAndMatchesType(InjectTokens.class, TestTokens.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
