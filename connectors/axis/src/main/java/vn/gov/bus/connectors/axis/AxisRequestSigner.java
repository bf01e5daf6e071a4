package vn.gov.bus.connectors.axis;

import static vn.gov.bus.connectors.axis.AxisProtocol.FIELD_HASH_FILE;
import static vn.gov.bus.connectors.axis.AxisProtocol.FIELD_SYSTEM_ID;
import static vn.gov.bus.connectors.axis.AxisProtocol.FIELD_TIMESTAMP;
import static vn.gov.bus.connectors.axis.AxisProtocol.HASH_FILE_HEADER;
import static vn.gov.bus.connectors.axis.AxisProtocol.HASH_HEADER;
import static vn.gov.bus.connectors.axis.AxisProtocol.HEADER_PREFIX;
import static vn.gov.bus.connectors.axis.AxisProtocol.SIGN_HEADER;
import static vn.gov.bus.connectors.axis.AxisProtocol.SIGN_HEADER_KEY;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.gov.bus.connectors.axis.AxisVerification.Failure;

/**
 * Signs axis requests and verifies them, in one class so that the client and the simulator
 * cannot disagree on the rules.
 *
 * <p>Signing: each field travels as header {@code XroadVnpt-<name>}; the names (canonical order)
 * joined by {@code ;} go in {@code XroadVnpt-sign-header-key}; the canonical JSON of the same
 * pairs in {@code XroadVnpt-sign-header}; and lowercase hex HMAC-SHA256(secret, that JSON, UTF-8)
 * in {@code XroadVnpt-hash-header}.
 *
 * <p>Verification is lenient about the canonical form (it checks the HMAC over the JSON string
 * exactly as received, then checks that this JSON, the name list and the actual headers say the
 * same thing), so a peer with a different key order still verifies, while any header changed
 * after signing is caught.
 */
public final class AxisRequestSigner {

    public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final String HMAC = "HmacSHA256";
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final HexFormat HEX = HexFormat.of();

    private final AxisCanonicalizer canonicalizer;
    private final Clock clock;
    private final Duration allowedSkew;
    private final JsonFactory jsonFactory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public AxisRequestSigner() {
        this(new SortedJsonCanonicalizer(), Clock.systemUTC(), DEFAULT_ALLOWED_SKEW);
    }

    public AxisRequestSigner(AxisCanonicalizer canonicalizer, Clock clock, Duration allowedSkew) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        if (allowedSkew.isNegative()) {
            throw new IllegalArgumentException("allowedSkew must not be negative, was " + allowedSkew);
        }
    }

    /** The {@code timestamp} field value for a request made now. */
    public String currentTimestamp() {
        return Long.toString(clock.millis());
    }

    /**
     * The headers to send for these fields (iteration order = request order): one
     * {@code XroadVnpt-<name>} per field plus the three signature headers.
     *
     * @throws IllegalArgumentException if a name is not a header token or a value is not
     *                                  printable ASCII (free text belongs in the body)
     */
    public Map<String, String> sign(Map<String, String> fields, String secret) {
        Objects.requireNonNull(secret, "secret");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            checkField(field.getKey(), field.getValue());
            headers.put(HEADER_PREFIX + field.getKey(), field.getValue());
        }
        String json = canonicalizer.canonicalJson(fields);
        headers.put(SIGN_HEADER_KEY, canonicalizer.signedNames(fields));
        headers.put(SIGN_HEADER, json);
        headers.put(HASH_HEADER, hmacHex(secret, json));
        return headers;
    }

    /** Lowercase hex HMAC-SHA256 of the UTF-8 bytes of {@code data}, keyed by the UTF-8 secret. */
    public static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable in this JVM", e);
        }
    }

    /** Lowercase hex SHA-256, the {@code hash-file} value. */
    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }

    /**
     * Checks the signature headers of a request against the caller's secret: HMAC, consistency
     * of the signed JSON with the name list and the actual headers, presence of the
     * {@code systemid} and {@code timestamp} fields, and the timestamp's freshness.
     *
     * @param headers request headers (first value of each); names are matched case-insensitively
     */
    public AxisVerification verify(Map<String, String> headers, String secret) {
        Map<String, String> h = caseInsensitive(headers);
        String names = h.get(SIGN_HEADER_KEY);
        String signedJson = h.get(SIGN_HEADER);
        String hash = h.get(HASH_HEADER);
        for (String required : List.of(SIGN_HEADER_KEY, SIGN_HEADER, HASH_HEADER)) {
            if (h.get(required) == null || h.get(required).isBlank()) {
                return AxisVerification.fail(Failure.MISSING_HEADER, "header " + required + " is missing");
            }
        }
        String expected = hmacHex(secret, signedJson);
        if (!constantTimeEquals(expected, hash.trim().toLowerCase(Locale.ROOT))) {
            return AxisVerification.fail(Failure.INVALID_SIGNATURE,
                    HASH_HEADER + " is not the HMAC-SHA256 of " + SIGN_HEADER + " under this system's secret");
        }
        Map<String, String> signed;
        try {
            signed = parseFlatObject(signedJson);
        } catch (IOException | IllegalArgumentException e) {
            return AxisVerification.fail(Failure.SIGNED_HEADERS_MISMATCH,
                    SIGN_HEADER + " is not a flat JSON object of strings: " + e.getMessage());
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String name : names.split(";")) {
            if (!name.isBlank() && !listed.add(name.trim())) {
                return AxisVerification.fail(Failure.SIGNED_HEADERS_MISMATCH,
                        SIGN_HEADER_KEY + " lists '" + name.trim() + "' twice");
            }
        }
        if (!listed.equals(signed.keySet())) {
            return AxisVerification.fail(Failure.SIGNED_HEADERS_MISMATCH,
                    SIGN_HEADER_KEY + " lists " + listed + " but " + SIGN_HEADER + " holds " + signed.keySet());
        }
        for (Map.Entry<String, String> field : signed.entrySet()) {
            String actual = h.get(HEADER_PREFIX + field.getKey());
            if (!field.getValue().equals(actual)) {
                return AxisVerification.fail(Failure.SIGNED_HEADERS_MISMATCH, "header " + HEADER_PREFIX
                        + field.getKey() + " is " + (actual == null ? "absent" : "'" + actual + "'")
                        + " but the signed value is '" + field.getValue() + "'");
            }
        }
        for (String required : List.of(FIELD_SYSTEM_ID, FIELD_TIMESTAMP)) {
            if (!signed.containsKey(required)) {
                return AxisVerification.fail(Failure.MISSING_HEADER,
                        "field '" + required + "' is not among the signed headers");
            }
        }
        return checkTimestamp(signed.get(FIELD_TIMESTAMP));
    }

    /**
     * Checks {@code XroadVnpt-hash-file} against the body. A request with a body must carry it,
     * and it must be a signed field (otherwise the body could be swapped along with its hash).
     * Call after {@link #verify}.
     */
    public AxisVerification verifyBody(Map<String, String> headers, byte[] body) {
        Map<String, String> h = caseInsensitive(headers);
        String declared = h.get(HASH_FILE_HEADER);
        if (declared == null) {
            return body.length == 0 ? AxisVerification.ok() : AxisVerification.fail(Failure.MISSING_HEADER,
                    "the request has a " + body.length + "-byte body but no " + HASH_FILE_HEADER + " header");
        }
        String names = h.getOrDefault(SIGN_HEADER_KEY, "");
        boolean signedField = List.of(names.split(";")).stream().map(String::trim).anyMatch(FIELD_HASH_FILE::equals);
        if (!signedField) {
            return AxisVerification.fail(Failure.MISSING_HEADER,
                    "field '" + FIELD_HASH_FILE + "' is not among the signed headers");
        }
        String actual = sha256Hex(body);
        if (!constantTimeEquals(actual, declared.trim().toLowerCase(Locale.ROOT))) {
            return AxisVerification.fail(Failure.HASH_MISMATCH, HASH_FILE_HEADER + " is " + declared
                    + " but the SHA-256 of the " + body.length + "-byte body is " + actual);
        }
        return AxisVerification.ok();
    }

    private AxisVerification checkTimestamp(String value) {
        Instant sent;
        try {
            sent = parseTimestamp(value);
        } catch (IllegalArgumentException e) {
            return AxisVerification.fail(Failure.MALFORMED_TIMESTAMP,
                    "field 'timestamp' is '" + value + "': expected milliseconds since the epoch");
        }
        Duration offset = Duration.between(clock.instant(), sent).abs();
        if (offset.compareTo(allowedSkew) > 0) {
            return AxisVerification.fail(Failure.STALE_TIMESTAMP, "field 'timestamp' " + sent
                    + " is " + offset.toSeconds() + " s away from the server clock, more than the allowed "
                    + allowedSkew.toSeconds() + " s");
        }
        return AxisVerification.ok();
    }

    /** Epoch milliseconds, or an ISO-8601 instant from peers that send one. */
    private static Instant parseTimestamp(String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() <= 18) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> parseFlatObject(String json) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (JsonParser p = jsonFactory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("value of '" + name + "' is not a string");
                }
                result.put(name, p.getText());
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the object");
            }
        }
        return result;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null && v != null) {
                h.put(k, v);
            }
        });
        return h;
    }

    /** Reduces multi-valued headers (as the JDK HTTP APIs expose them) to their first value. */
    public static Map<String, String> firstValues(Map<String, List<String>> headers) {
        Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null && v != null && !v.isEmpty()) {
                result.put(k, v.get(0));
            }
        });
        return result;
    }

    private static void checkField(String name, String value) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + name + "' is not a header token [A-Za-z0-9_-]+");
        }
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' has no value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("field '" + name + "' contains character U+"
                        + String.format("%04X", (int) c) + " at index " + i
                        + ": header values must be printable ASCII, send free text in the body");
            }
        }
    }
}
