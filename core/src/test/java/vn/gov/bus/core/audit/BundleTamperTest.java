package vn.gov.bus.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bus.audit.verifier.Bundle;
import vn.gov.bus.audit.verifier.BundleVerifier;
import vn.gov.bus.audit.verifier.ChainVerifier;

/**
 * Every way of changing an exported bundle is detected by the offline verifier at the right
 * record: one byte of any record, one byte of any payload, a deleted record, two records swapped,
 * a checkpoint signature broken, the tail cut off.
 */
class BundleTamperTest {

    static final int RECORDS = 12;
    static AuditFixture audit;
    static Map<String, byte[]> original;

    @BeforeAll
    static void exportABundle() throws IOException {
        audit = new AuditFixture(AuditDatabases.H2.fresh());
        for (int i = 1; i <= RECORDS; i++) {
            audit.writer.record(AuditLogTest.event(i % 3 == 0 ? AuditStep.DELIVERED : AuditStep.RECEIVED, "doc-" + i)
                    .payload(("<edXML>gói số " + i + "</edXML>").getBytes(StandardCharsets.UTF_8)).build());
            if (i == 6) {
                audit.checkpoints.checkpoint();
            }
        }
        original = unzip(audit.export(AuditQuery.all()));
    }

    @AfterAll
    static void close() {
        audit.close();
    }

    @Test
    void theUntouchedBundleVerifies() throws IOException {
        ChainVerifier.Report report = verify(original);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.records()).isEqualTo(RECORDS);
        assertThat(report.payloads()).isEqualTo(RECORDS);
        assertThat(report.checkpoints()).isEqualTo(2);
    }

    @Test
    void oneChangedByteInAnyRecordIsReportedAtThatRecord() throws IOException {
        for (int seq = 1; seq <= RECORDS; seq++) {
            int target = seq;
            // every byte of the record's content in turn would be slow; the first, a middle and the last byte
            for (int position : new int[] {0, -2, -1}) {
                Map<String, byte[]> changed = withRecords(lines -> {
                    String[] parts = lines.get(target - 1).split("\t");
                    byte[] content = Base64.getDecoder().decode(parts[4]);
                    int at = position >= 0 ? position : position == -1 ? content.length - 1 : content.length / 2;
                    content[at] ^= 0x01;
                    parts[4] = Base64.getEncoder().encodeToString(content);
                    lines.set(target - 1, String.join("\t", parts));
                    return lines;
                });
                ChainVerifier.Report report = verify(changed);
                assertThat(report.ok()).isFalse();
                assertThat(report.brokenAt()).as(report.summary()).isEqualTo(target);
            }
        }
    }

    @Test
    void aChangedRecordHashIsReportedAtThatRecord() throws IOException {
        Map<String, byte[]> changed = withRecords(lines -> {
            String[] parts = lines.get(4).split("\t");
            parts[2] = (parts[2].charAt(0) == '0' ? "1" : "0") + parts[2].substring(1);
            lines.set(4, String.join("\t", parts));
            return lines;
        });
        assertThat(verify(changed).brokenAt()).isEqualTo(5);
    }

    @Test
    void oneChangedByteInAnyPayloadIsReportedAtTheRecordThatNamesIt() throws IOException {
        for (int seq = 1; seq <= RECORDS; seq++) {
            String digest = audit.store.find(seq).orElseThrow().payloadSha256();
            Map<String, byte[]> changed = new LinkedHashMap<>(original);
            byte[] payload = changed.get("payloads/" + digest).clone();
            payload[payload.length / 2] ^= 0x20;
            changed.put("payloads/" + digest, payload);
            ChainVerifier.Report report = verify(changed);
            assertThat(report.ok()).isFalse();
            assertThat(report.brokenAt()).as(report.summary()).isEqualTo(seq);
            assertThat(report.reason()).contains("payload");
        }
    }

    @Test
    void aDeletedRecordIsReportedByItsNumber() throws IOException {
        ChainVerifier.Report report = verify(withRecords(lines -> {
            lines.remove(6);
            return lines;
        }));
        assertThat(report.brokenAt()).isEqualTo(7);
        assertThat(report.reason()).contains("missing");
    }

    @Test
    void twoSwappedRecordsAreReportedAtTheFirstPosition() throws IOException {
        ChainVerifier.Report report = verify(withRecords(lines -> {
            String third = lines.get(2);
            lines.set(2, lines.get(3));
            lines.set(3, third);
            return lines;
        }));
        assertThat(report.ok()).isFalse();
        assertThat(report.brokenAt()).isEqualTo(3);
    }

    @Test
    void aCheckpointWithABadSignatureIsReported() throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(original);
        byte[] cms = changed.get("checkpoints/6.p7s").clone();
        cms[cms.length - 10] ^= 0x01; // inside the RSA signature value, the last element of SignerInfo
        changed.put("checkpoints/6.p7s", cms);
        ChainVerifier.Report report = verify(changed);
        assertThat(report.ok()).isFalse();
        assertThat(report.brokenAt()).isEqualTo(6);
        assertThat(report.reason()).contains("checkpoint").contains("signature");
    }

    @Test
    void cuttingOffTheLastRecordsIsDetectedByTheCheckpointThatSignedThem() throws IOException {
        ChainVerifier.Report report = verify(withRecords(lines -> new ArrayList<>(lines.subList(0, RECORDS - 2))));
        assertThat(report.ok()).isFalse();
        assertThat(report.brokenAt()).isEqualTo(RECORDS);
        assertThat(report.reason()).contains("missing");
    }

    @Test
    void aBundleOfOneDocumentWithholdsTheOtherRecordsAndStillVerifies() throws IOException {
        Map<String, byte[]> one = unzip(audit.export(AuditQuery.byDocument("doc-4")));
        ChainVerifier.Report report = verify(one);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.full()).isEqualTo(1);
        assertThat(report.first()).isEqualTo(4);
        assertThat(report.payloads()).isEqualTo(1);
        assertThat(new String(one.get("records.txt"), StandardCharsets.UTF_8)).doesNotContain(
                Base64.getEncoder().encodeToString("doc-5".getBytes(StandardCharsets.UTF_8)));
    }

    static ChainVerifier.Report verify(Map<String, byte[]> files) throws IOException {
        return BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(zip(files))), List.of());
    }

    static Map<String, byte[]> withRecords(UnaryOperator<List<String>> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(original);
        List<String> lines = new ArrayList<>(new String(original.get("records.txt"), StandardCharsets.UTF_8).lines()
                .toList());
        copy.put("records.txt", (String.join("\n", change.apply(lines)) + "\n").getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
