package vn.gov.bus.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The encoding is exactly the one docs/auditing.md specifies, so an auditor can re-implement it. */
class RecordEncodingTest {

    static final RecordFields RECORD = new RecordFields(7, "2026-12-01T19:30:00.123Z", "DELIVERED", "OK", "m-1",
            "000.00.01.H53,2026/12/01,12/UBND-VP", null, "deliver-axis", "000.00.01.H53", "000.00.00.G22", "bus",
            "", "đã giao", "ab".repeat(32));

    @Test
    void theEncodingIsTheMagicLineThenEachFieldAsPresenceLengthAndUtf8BytesInTheDocumentedOrder() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("bus-audit-record/1\n".getBytes(StandardCharsets.US_ASCII));
        String[] fields = {"7", "2026-12-01T19:30:00.123Z", "DELIVERED", "OK", "m-1",
                "000.00.01.H53,2026/12/01,12/UBND-VP", null, "deliver-axis", "000.00.01.H53", "000.00.00.G22", "bus",
                "", "đã giao", "ab".repeat(32)};
        for (String f : fields) {
            if (f == null) {
                expected.write(0);
            } else {
                byte[] utf8 = f.getBytes(StandardCharsets.UTF_8);
                expected.write(1);
                expected.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
                expected.writeBytes(utf8);
            }
        }
        assertThat(RecordEncoding.encode(RECORD)).isEqualTo(expected.toByteArray());
    }

    @Test
    void decodingGivesBackEveryFieldAndKeepsAbsentApartFromEmpty() {
        RecordFields back = RecordEncoding.decode(RecordEncoding.encode(RECORD));
        assertThat(back).isEqualTo(RECORD);
        assertThat(back.correlationId()).isNull();
        assertThat(back.origin()).isEmpty();
    }

    @Test
    void theRecordHashIsSha256OfThePreviousHashAndTheContentDigest() throws Exception {
        byte[] content = RecordEncoding.encode(RECORD);
        byte[] previous = Digests.sha256("previous".getBytes(StandardCharsets.UTF_8));
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(previous);
        md.update(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(RecordEncoding.chainHash(previous, Digests.sha256(content))).isEqualTo(md.digest());
    }

    @Test
    void contentWithTrailingBytesIsRefusedWithTheReason() {
        byte[] content = RecordEncoding.encode(RECORD);
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        assertThatThrownBy(() -> RecordEncoding.decode(longer))
                .isInstanceOf(RecordEncoding.MalformedRecordException.class).hasMessageContaining("follow the last field");
    }
}
