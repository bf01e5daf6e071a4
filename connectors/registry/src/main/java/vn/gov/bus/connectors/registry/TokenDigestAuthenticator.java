package vn.gov.bus.connectors.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Callers by token, from configuration that holds only each token's SHA-256 digest (hex), so the
 * configuration and its backups do not give the tokens away. The presented token's digest is
 * compared with every configured digest in constant time ({@link MessageDigest#isEqual}), all
 * of them every time, so response time tells nothing about which system or how close.
 */
public final class TokenDigestAuthenticator implements CallerAuthenticator {

    private final Map<String, byte[]> digestBySystem;

    /** @param sha256BySystem system id → lower- or upper-case hex SHA-256 of its token */
    public TokenDigestAuthenticator(Map<String, String> sha256BySystem) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        sha256BySystem.forEach((system, hex) -> {
            byte[] digest;
            try {
                digest = HexFormat.of().parseHex(hex.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token digest of caller " + system + " is not hex", e);
            }
            if (digest.length != 32) {
                throw new IllegalArgumentException("token digest of caller " + system
                        + " must be a SHA-256 (64 hex characters), has " + hex.strip().length());
            }
            digests.put(system, digest);
        });
        this.digestBySystem = Map.copyOf(digests);
    }

    @Override
    public Optional<String> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        String match = null;
        for (Map.Entry<String, byte[]> entry : digestBySystem.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Hex SHA-256 of a token, as the configuration holds it. */
    public static String digestHex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
