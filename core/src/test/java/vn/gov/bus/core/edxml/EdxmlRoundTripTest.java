package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.bus.core.edxml.EdxmlFixtures.G22;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H29;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53_OFFICE;
import static vn.gov.bus.core.edxml.EdxmlFixtures.SENT;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Packages written by {@link EdxmlWriter} (through {@link SamplePackages}) read back the same. */
class EdxmlRoundTripTest {

    private final EdxmlReader reader = EdxmlFixtures.reader();
    private final PackageRules rules = new PackageRules();

    @Test
    void defaultSamplePackageIsValidAndRealistic() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).at(SENT).build());

        assertThat(rules.check(p)).isEmpty();
        assertThat(rules.warnings(p)).isEmpty();
        assertThat(p.kind()).isEqualTo(EdocPackage.Kind.EDOC);
        assertThat(p.fromOrganId()).isEqualTo(H53);
        assertThat(p.fromOrganName()).isEqualTo("Ủy ban nhân dân tỉnh Tây Ninh");
        assertThat(p.toOrganIds()).containsExactly(H53_OFFICE);
        assertThat(p.subject()).startsWith("V/v triển khai");
        assertThat(p.documentId()).startsWith(H53 + ",2025/03/12," + p.codeNumber() + "/UBND-VP");
        assertThat(DocumentIds.wellFormed(p.documentId())).isTrue();
        assertThat(p.promulgationDate()).contains(LocalDate.of(2025, 3, 12));
        assertThat(p.traces()).containsExactly(new EdocPackage.Trace(H53, "2025/03/12 09:30:00"));
        assertThat(p.attachments()).hasSize(1);
        EdocAttachment pdf = p.attachments().get(0);
        assertThat(pdf.declaredContentType()).isEqualTo("application/pdf");
        assertThat(pdf.zipped()).isFalse();
        assertThat(new String(pdf.data(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        assertThat(p.references()).extracting(EdocPackage.ManifestReference::contentId)
                .containsExactly(pdf.contentId());
    }

    @Test
    void writesRootInDefaultNamespaceAndInnerElementsPrefixedEdxml() {
        String xml = EdxmlFixtures.utf8(SamplePackages.edoc().from(H53).to(H53_OFFICE).build());

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML ");
        assertThat(xml).contains("xmlns=\"" + EdxmlNamespace.URI + "\"")
                .contains("xmlns:edXML=\"" + EdxmlNamespace.URI + "\"")
                .contains("<edXML:edXMLEnvelope>")
                .contains("<edXML:MessageHeader>")
                .contains("<edXML:AttachmentEncoded>")
                .doesNotContain("ns2:");
    }

    @Test
    void keepsSeveralRecipientsInOrder() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(G22)
                .to(H53, "Ủy ban nhân dân tỉnh Tây Ninh").to(H53_OFFICE).to(H29).build());

        assertThat(p.toOrganIds()).containsExactly(H53, H53_OFFICE, H29);
        assertThat(p.messageHeader().getTo().get(0).getOrganName()).isEqualTo("Ủy ban nhân dân tỉnh Tây Ninh");
    }

    @Test
    void normalisesDecomposedVietnameseToNfcOnWrite() {
        String subject = "Về việc tổ chức Hội nghị tổng kết công tác năm 2024 của Ủy ban nhân dân tỉnh";
        String decomposed = Normalizer.normalize(subject, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(subject);

        byte[] bytes = SamplePackages.edoc().from(H53).to(H53_OFFICE)
                .subject(decomposed)
                .signer(Normalizer.normalize("KT. CHỦ TỊCH", Normalizer.Form.NFD), "PHÓ CHỦ TỊCH",
                        Normalizer.normalize("Nguyễn Thanh Ngọc", Normalizer.Form.NFD))
                .build();

        String xml = EdxmlFixtures.utf8(bytes);
        assertThat(Normalizer.isNormalized(xml, Normalizer.Form.NFC)).isTrue();
        EdocPackage p = reader.read(bytes);
        assertThat(p.subject()).isEqualTo(subject);
        assertThat(p.messageHeader().getSignerInfo().getFullName()).isEqualTo("Nguyễn Thanh Ngọc");
    }

    @Test
    void keepsPdfDocxAndZipAttachmentsByteForByte() throws IOException {
        byte[] pdf = SamplePackages.samplePdf("Quyet dinh 125");
        byte[] docx = EdxmlFixtures.docx("Dự thảo quyết định");
        byte[] zip = EdxmlFixtures.zip(Map.of("phu-luc-1.xml", "<a/>".getBytes(StandardCharsets.UTF_8),
                "phu-luc-2.txt", "Phụ lục".getBytes(StandardCharsets.UTF_8)));

        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE)
                .attachment("quyet-dinh-125.pdf", "application/pdf", pdf)
                .attachment("du-thao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)
                .attachment("phu-luc.zip", "application/zip", zip)
                .build());

        assertThat(rules.check(p)).isEmpty();
        assertThat(p.attachments()).extracting(EdocAttachment::name)
                .containsExactly("quyet-dinh-125.pdf", "du-thao.docx", "phu-luc.zip");
        assertThat(p.attachments().get(0).data()).isEqualTo(pdf);
        assertThat(p.attachments().get(1).data()).isEqualTo(docx);
        assertThat(p.attachments().get(2).data()).isEqualTo(zip);
        assertThat(p.attachments()).extracting(EdocAttachment::size)
                .containsExactly((long) pdf.length, (long) docx.length, (long) zip.length);
        // a docx is a zip container by design: it keeps its type
        assertThat(p.attachments().get(1).zipped()).isFalse();
        assertThat(p.attachments().get(1).effectiveContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(p.attachments().get(2).zipped()).isTrue();
        assertThat(p.attachments().get(2).effectiveContentType()).isEqualTo("application/zip");
        assertThat(entryNames(p.attachments().get(2).data())).containsExactlyInAnyOrder("phu-luc-1.xml", "phu-luc-2.txt");
    }

    @Test
    void detectsZipInsideAttachmentDeclaredAsPdf() {
        byte[] zippedPdf = EdxmlFixtures.zip(Map.of("cong-van.pdf", SamplePackages.samplePdf("Cong van")));

        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE)
                .attachment("cong-van.pdf", "application/pdf", zippedPdf).build());

        EdocAttachment attachment = p.attachments().get(0);
        assertThat(attachment.declaredContentType()).isEqualTo("application/pdf");
        assertThat(attachment.zipped()).isTrue();
        assertThat(attachment.effectiveContentType()).isEqualTo("application/zip");
        assertThat(rules.check(p)).isEmpty();
        assertThat(rules.warnings(p)).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "AttachmentEncoded/Attachment[1]/ContentType", "zip-content"));
    }

    @Test
    void revokeNamesTheRevokedDocumentInResponseForAndBusiness() {
        String original = G22 + ",2025/03/01,125/VPCP-TTĐT";
        EdocPackage p = reader.read(SamplePackages.edoc().from(G22).to(H53)
                .businessType(1).businessReason("Thu hồi do sai thẩm quyền ban hành")
                .responseFor(G22, "125/VPCP-TTĐT", LocalDate.of(2025, 3, 1), original)
                .build());

        assertThat(rules.check(p)).isEmpty();
        assertThat(p.businessDocType()).isEqualTo(1);
        assertThat(p.businessDocReason()).isEqualTo("Thu hồi do sai thẩm quyền ban hành");
        assertThat(p.businessDocumentId()).isEqualTo(original);
        assertThat(p.responseFor()).containsExactly(
                new EdocPackage.DocumentReference(G22, "125/VPCP-TTĐT", "2025/03/01", original));
    }

    @Test
    void updateCarriesChangedReceivers() {
        String original = H53 + ",2025/03/01,88/UBND-VP";
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).to(H29)
                .businessType(2)
                .responseFor(H53, "88/UBND-VP", LocalDate.of(2025, 3, 1), original)
                .updatedReceiver(1, H29)
                .build());

        assertThat(rules.check(p)).isEmpty();
        assertThat(p.businessDocType()).isEqualTo(2);
        assertThat(p.businessDocumentId()).isEqualTo(original);
        var info = p.edxml().getEdXMLEnvelope().getEdXMLHeader().getTraceHeaderList().getBussiness()
                .getBussinessDocumentInfo();
        assertThat(info.getDocumentReceiver()).isEqualTo(1);
        assertThat(info.getReceiverList().getReceiver()).singleElement()
                .satisfies(r -> assertThat(r.getOrganId()).isEqualTo(H29));
    }

    @Test
    void replaceListsTheReplacedDocumentAndItsRecipients() {
        String replaced = H53 + ",2025/03/01,88/UBND-VP";
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).to(H29)
                .businessType(3)
                .responseFor(H53, "88/UBND-VP", LocalDate.of(2025, 3, 1), replaced)
                .replaces(replaced, H53_OFFICE, H29)
                .build());

        assertThat(rules.check(p)).isEmpty();
        assertThat(p.businessDocType()).isEqualTo(3);
        assertThat(p.replacements()).containsExactly(
                new EdocPackage.Replacement(replaced, java.util.List.of(H53_OFFICE, H29)));
    }

    @Test
    void newDocumentReportsBusinessTypeZero() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).build());

        assertThat(p.businessDocType()).isZero();
        assertThat(p.businessDocumentId()).isNull();
    }

    @Test
    void keepsPriorityDueDateAndSteering() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE)
                .priority(3).dueDate(LocalDate.of(2025, 4, 30)).steeringType(2)
                .code("125", "QĐ-UBND").documentId(H53 + ",2025/03/12,125/QĐ-UBND")
                .build());

        assertThat(p.priority()).isEqualTo(3);
        assertThat(p.dueDate()).contains(LocalDate.of(2025, 4, 30));
        assertThat(p.steeringType()).isEqualTo(2);
        assertThat(p.codeNumber()).isEqualTo("125");
        assertThat(p.codeNotation()).isEqualTo("QĐ-UBND");
        assertThat(p.documentId()).isEqualTo(H53 + ",2025/03/12,125/QĐ-UBND");
    }

    @Test
    void toBytesOfAReadPackageReadsBackTheSame() {
        byte[] written = SamplePackages.edoc().from(H53).to(H53_OFFICE).to(H29).build();
        EdocPackage first = reader.read(written);

        EdocPackage second = reader.read(first.toBytes());

        assertThat(second.documentId()).isEqualTo(first.documentId());
        assertThat(second.toOrganIds()).isEqualTo(first.toOrganIds());
        assertThat(second.attachments().get(0).data()).isEqualTo(first.attachments().get(0).data());
    }

    private static java.util.List<String> entryNames(byte[] zip) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
