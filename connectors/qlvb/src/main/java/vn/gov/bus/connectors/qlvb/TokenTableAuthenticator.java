package vn.gov.bus.connectors.qlvb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Authenticates against a fixed table organ id → token (from configuration). Tokens are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, and an unknown organ is
 * compared against a dummy digest, so neither the token nor the existence of an organ id
 * leaks through response time.
 */
public final class TokenTableAuthenticator implements HubAuthenticator {

    private static final byte[] NO_SUCH_ORGAN = new byte[32];

    private final Map<String, byte[]> digestsByOrgan;

    public TokenTableAuthenticator(Map<String, String> tokensByOrgan) {
        this.digestsByOrgan = tokensByOrgan.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> sha256(e.getValue())));
    }

    @Override
    public boolean authenticate(String organId, String token) {
        if (organId == null || token == null) {
            return false;
        }
        byte[] expected = digestsByOrgan.getOrDefault(organId, NO_SUCH_ORGAN);
        boolean tokenMatches = MessageDigest.isEqual(expected, sha256(token));
        return tokenMatches && expected != NO_SUCH_ORGAN;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
