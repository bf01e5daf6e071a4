package vn.gov.bus.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lowercase hex, the only digest and text form the audit format uses. */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static byte[] sha256(byte[] bytes) {
        MessageDigest md = newSha256();
        return md.digest(bytes);
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return hex(sha256(bytes));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses 64 lowercase or uppercase hex digits; throws IllegalArgumentException otherwise. */
    public static byte[] parseSha256Hex(String text) {
        if (text == null || text.length() != 64) {
            throw new IllegalArgumentException("not a SHA-256 in hex (64 digits): '" + text + "'");
        }
        return HEX.parseHex(text);
    }
}
