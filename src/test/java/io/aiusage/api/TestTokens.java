package io.aiusage.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens of the test issuer ({@link TestIssuer}), signed with the test key its JWKS serves, and the tokens the
 * service must refuse: expired, from another issuer, for another audience, or signed by a key the issuer never had.
 * Roles go in the claim the service is configured to read ({@code groups}, or {@code realm_access/roles}).
 */
public final class TestTokens {

    public static final String AUDIENCE = "ai-usage-gateway";
    public static final String KEY_ID = "test-key";
    static final String ISSUER_KEY = "oidc/issuer-key";
    static final String OTHER_KEY = "oidc/other-key";

    private final String issuer;
    private final String rolesClaim;

    TestTokens(String issuer, String rolesClaim) {
        this.issuer = issuer;
        this.rolesClaim = rolesClaim;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid token carrying {@code roles}. */
    public String withRoles(String... roles) {
        return sign(claims(issuer, AUDIENCE, roles).expiresAt(Instant.now().plusSeconds(300)), ISSUER_KEY);
    }

    public String expired(String... roles) {
        return sign(claims(issuer, AUDIENCE, roles).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)), ISSUER_KEY);
    }

    public String fromIssuer(String otherIssuer, String... roles) {
        return sign(claims(otherIssuer, AUDIENCE, roles).expiresAt(Instant.now().plusSeconds(300)), ISSUER_KEY);
    }

    public String forAudience(String otherAudience, String... roles) {
        return sign(claims(issuer, otherAudience, roles).expiresAt(Instant.now().plusSeconds(300)), ISSUER_KEY);
    }

    /** Right issuer, audience and key id, but a signature the issuer's public key does not verify. */
    public String signedByAnotherKey(String... roles) {
        return sign(claims(issuer, AUDIENCE, roles).expiresAt(Instant.now().plusSeconds(300)), OTHER_KEY);
    }

    private JwtClaimsBuilder claims(String iss, String audience, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(iss).audience(audience).subject("test-user").issuedAt(Instant.now());
        if ("groups".equals(rolesClaim)) {
            return claims.claim("groups", List.of(roles));
        }
        String[] path = rolesClaim.split("/");
        return claims.claim(path[0], Map.of(path[1], List.of(roles)));
    }

    private static String sign(JwtClaimsBuilder claims, String key) {
        return claims.jws().keyId(KEY_ID).sign(privateKey(key));
    }

    static PrivateKey privateKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(name + ".pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey publicKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(name + ".pub.pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
