package vn.gov.bus.connectors.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.axis.AxisVerification.Failure;

class AxisRequestSignerTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final String SECRET = "axis-golden-secret";
    private static final byte[] BODY = "<edXML/>".getBytes(StandardCharsets.UTF_8);

    private final AxisRequestSigner signer = new AxisRequestSigner(new SortedJsonCanonicalizer(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    private static Map<String, String> fields(String timestamp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("systemid", "00.53.W00");
        fields.put("timestamp", timestamp);
        fields.put("from", "000.00.00.H53");
        fields.put("servicetype", "eDoc");
        fields.put("messagetype", "edoc");
        fields.put("hash-file", AxisRequestSigner.sha256Hex(BODY));
        return fields;
    }

    @Test
    void producesPinnedCanonicalJsonAndHmacForFixedInput() {
        // Golden values computed independently (Python hmac/hashlib) and pinned: a change here
        // breaks interoperability with every deployed peer.
        Map<String, String> headers = signer.sign(fields("1700000000000"), SECRET);

        assertThat(headers.get("XroadVnpt-sign-header-key"))
                .isEqualTo("from;hash-file;messagetype;servicetype;systemid;timestamp");
        assertThat(headers.get("XroadVnpt-sign-header")).isEqualTo("{\"from\":\"000.00.00.H53\",\"hash-file\":"
                + "\"8d55f6c7bf7cd534cf027a10e1bb5731c68279c3cb991c0f4844774c685b3758\",\"messagetype\":\"edoc\","
                + "\"servicetype\":\"eDoc\",\"systemid\":\"00.53.W00\",\"timestamp\":\"1700000000000\"}");
        assertThat(headers.get("XroadVnpt-hash-header"))
                .isEqualTo("64fc59b4bcc27014c5ccb4f2a7be284a88cd7a13dd83f27fefd6fb0ae2e918ef");
        assertThat(headers).containsEntry("XroadVnpt-systemid", "00.53.W00")
                .containsEntry("XroadVnpt-hash-file", "8d55f6c7bf7cd534cf027a10e1bb5731c68279c3cb991c0f4844774c685b3758");
    }

    @Test
    void canonicalJsonDoesNotDependOnFieldInsertionOrder() {
        java.util.List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(fields("1").entrySet());
        java.util.Collections.reverse(entries);
        Map<String, String> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        SortedJsonCanonicalizer canonicalizer = new SortedJsonCanonicalizer();

        assertThat(canonicalizer.canonicalJson(reversed)).isEqualTo(canonicalizer.canonicalJson(fields("1")));
    }

    @Test
    void acceptsWhatItSigned() {
        Map<String, String> headers = signer.sign(fields("1700000000000"), SECRET);

        assertThat(signer.verify(headers, SECRET).valid()).isTrue();
        assertThat(signer.verifyBody(headers, BODY).valid()).isTrue();
    }

    @Test
    void matchesHeaderNamesCaseInsensitivelyAsHttpServersNormaliseThem() {
        Map<String, String> lowercased = new HashMap<>();
        signer.sign(fields("1700000000000"), SECRET).forEach((k, v) -> lowercased.put(k.toLowerCase(), v));

        assertThat(signer.verify(lowercased, SECRET).valid()).isTrue();
    }

    @Test
    void rejectsHmacUnderAnotherSecret() {
        Map<String, String> headers = signer.sign(fields("1700000000000"), "someone-else");

        AxisVerification result = signer.verify(headers, SECRET);

        assertThat(result.failure()).isEqualTo(Failure.INVALID_SIGNATURE);
    }

    @Test
    void rejectsHeaderChangedAfterSigning() {
        Map<String, String> headers = signer.sign(fields("1700000000000"), SECRET);
        headers.put("XroadVnpt-from", "000.00.00.G22");

        AxisVerification result = signer.verify(headers, SECRET);

        assertThat(result.failure()).isEqualTo(Failure.SIGNED_HEADERS_MISMATCH);
        assertThat(result.detail()).contains("XroadVnpt-from").contains("000.00.00.G22");
    }

    @Test
    void rejectsTimestampOutsideAllowedSkew() {
        String sixMinutesAgo = Long.toString(NOW.minus(Duration.ofMinutes(6)).toEpochMilli());
        Map<String, String> headers = signer.sign(fields(sixMinutesAgo), SECRET);

        AxisVerification result = signer.verify(headers, SECRET);

        assertThat(result.failure()).isEqualTo(Failure.STALE_TIMESTAMP);
        assertThat(result.detail()).contains("360 s");
    }

    @Test
    void rejectsTimestampThatIsNotEpochMillis() {
        Map<String, String> headers = signer.sign(fields("2025/01/15 08:30:00"), SECRET);

        assertThat(signer.verify(headers, SECRET).failure()).isEqualTo(Failure.MALFORMED_TIMESTAMP);
    }

    @Test
    void acceptsPeerThatSignsTheSameFieldsInAnotherKeyOrder() {
        Map<String, String> f = fields("1700000000000");
        AxisCanonicalizer insertionOrder = new AxisCanonicalizer() {
            @Override
            public java.util.List<String> orderedNames(Map<String, String> fields) {
                return java.util.List.copyOf(fields.keySet());
            }

            @Override
            public String canonicalJson(Map<String, String> fields) {
                StringBuilder json = new StringBuilder("{");
                fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                        .append('"').append(k).append("\":\"").append(v).append('"'));
                return json.append('}').toString();
            }
        };
        AxisRequestSigner peer = new AxisRequestSigner(insertionOrder, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(5));

        assertThat(signer.verify(peer.sign(f, SECRET), SECRET).valid()).isTrue();
    }

    @Test
    void rejectsRequestWithoutSignedTimestamp() {
        Map<String, String> f = fields("1700000000000");
        f.remove("timestamp");

        AxisVerification result = signer.verify(signer.sign(f, SECRET), SECRET);

        assertThat(result.failure()).isEqualTo(Failure.MISSING_HEADER);
        assertThat(result.detail()).contains("timestamp");
    }

    @Test
    void detectsBodyThatDoesNotMatchHashFile() {
        Map<String, String> headers = signer.sign(fields("1700000000000"), SECRET);

        AxisVerification result = signer.verifyBody(headers, "<edXML>changed</edXML>".getBytes(StandardCharsets.UTF_8));

        assertThat(result.failure()).isEqualTo(Failure.HASH_MISMATCH);
    }

    @Test
    void requiresHashFileToBeSignedWhenABodyIsSent() {
        Map<String, String> f = fields("1700000000000");
        f.remove("hash-file");
        Map<String, String> headers = signer.sign(f, SECRET);
        headers.put("XroadVnpt-hash-file", AxisRequestSigner.sha256Hex(BODY));

        AxisVerification result = signer.verifyBody(headers, BODY);

        assertThat(result.failure()).isEqualTo(Failure.MISSING_HEADER);
        assertThat(result.detail()).contains("hash-file").contains("not among the signed headers");
    }

    @Test
    void refusesNonAsciiHeaderValues() {
        Map<String, String> f = fields("1700000000000");
        f.put("docId", "7816/VPCP-TTĐT");

        assertThatThrownBy(() -> signer.sign(f, SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'docId'").hasMessageContaining("U+0110");
    }
}
