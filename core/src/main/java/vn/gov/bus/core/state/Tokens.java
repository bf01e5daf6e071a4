package vn.gov.bus.core.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Agency tokens are high-entropy random strings, so a plain SHA-256 is the right stored form:
 * it keeps the secret out of the database without a slow hash on every SOAP call.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Compares a presented token with a stored hash in constant time. */
    public static boolean matches(String presented, String storedSha256Hex) {
        if (presented == null || storedSha256Hex == null) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(storedSha256Hex);
        return MessageDigest.isEqual(sha256(presented.getBytes(StandardCharsets.UTF_8)), expected);
    }
}
