package vn.gov.bus.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * The packages measured: a ≈20 KB edoc (a typical official letter with a small PDF), and the
 * same letter carrying in addition a 200 KB attachment for the end-to-end run. Attachment bytes
 * are random, as compressed PDF content is: nothing along the path gets an easy ride. Each package's
 * large attachment differs (its first base64 characters are the DocumentId's hex digits), as real
 * documents' attachments do: the audit log stores an attachment once, and the same attachment in
 * every package would let it store it once for the whole run.
 */
final class BenchPackages {

    static final String OFFICE = "000.00.01.H53";
    static final String OFFICE_NAME = "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh";
    static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    static final String GOVERNMENT_OFFICE_NAME = "Văn phòng Chính phủ";

    static final int SMALL_PACKAGE_TARGET = 20 * 1024;
    static final int LARGE_ATTACHMENT = 200 * 1024;

    private BenchPackages() {
    }

    /** The ≈20 KB package: the PDF is sized so that the whole package, base64 included, is ≈20 KB. */
    static byte[] small() {
        return builder(UUID.randomUUID().toString(), pdfForSmallPackage()).build();
    }

    /** The 20 KB letter plus a 200 KB attachment, as one template whose DocumentId can be swapped cheaply. */
    static Template largeTemplate() {
        String placeholder = UUID.randomUUID().toString();
        byte[] annex = new byte[LARGE_ATTACHMENT];
        new Random(200).nextBytes(annex);
        byte[] pkg = builder(placeholder, pdfForSmallPackage())
                .attachment("phu-luc-so-lieu.pdf", "application/pdf", annex)
                .build();
        String xml = new String(pkg, StandardCharsets.UTF_8);
        String annexStart = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(annex, 24));
        if (xml.indexOf(annexStart) != xml.lastIndexOf(annexStart)) {
            throw new IllegalStateException("the attachment's first base64 characters are not unique in the package");
        }
        return new Template(xml, placeholder, annexStart);
    }

    private static byte[] pdfForSmallPackage() {
        byte[] stub = new byte[3];
        int withStub = builder(UUID.randomUUID().toString(), stub).build().length;
        // base64 turns 3 bytes into 4 characters
        int pdfBytes = stub.length + Math.max(0, (SMALL_PACKAGE_TARGET - withStub) * 3 / 4);
        byte[] pdf = new byte[pdfBytes];
        new Random(20).nextBytes(pdf);
        return pdf;
    }

    private static SamplePackages.EdocBuilder builder(String documentId, byte[] pdf) {
        return SamplePackages.edoc()
                .from(OFFICE, OFFICE_NAME)
                .to(GOVERNMENT_OFFICE, GOVERNMENT_OFFICE_NAME)
                .documentId(documentId)
                .subject("Về việc báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội")
                .attachment("cong-van.pdf", "application/pdf", pdf);
    }

    /**
     * A written package whose DocumentId (a UUID) is replaced by another UUID of the same length:
     * building and schema-validating each of a thousand 290 KB packages would take longer than
     * sending them.
     */
    record Template(String xml, String placeholder, String annexStart) {
        /** Also makes the large attachment this document's own: 32 hex digits are 32 base64 characters, 24 bytes. */
        byte[] withDocumentId(String documentId) {
            if (documentId.length() != placeholder.length()) {
                throw new IllegalArgumentException("documentId must be a UUID like " + placeholder);
            }
            return xml.replace(placeholder, documentId).replace(annexStart, documentId.replace("-", ""))
                    .getBytes(StandardCharsets.UTF_8);
        }

        int size() {
            return xml.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
