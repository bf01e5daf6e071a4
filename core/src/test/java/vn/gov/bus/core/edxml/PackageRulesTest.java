package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.gov.bus.core.edxml.EdxmlFixtures.G22;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H29;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53_OFFICE;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.gov.bus.schemas.edxml.Attachment;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.Reference;

/** Each rule, broken on purpose in an otherwise valid package, is reported with its field and rule. */
class PackageRulesTest {

    private final EdxmlReader reader = EdxmlFixtures.reader();
    private final PackageRules rules = new PackageRules();

    @Test
    void validPackageHasNoViolation() {
        assertThat(rules.check(edocWith(root -> { }))).isEmpty();
    }

    @Test
    void requiresSenderOrganId() {
        EdocPackage p = edocWith(root -> header(root).getFrom().setOrganId(" "));

        assertThat(errors(p)).contains(tuple("MessageHeader/From/OrganId", "required"));
    }

    @Test
    void requiresAtLeastOneRecipient() {
        EdocPackage p = edocWith(root -> header(root).getTo().clear());

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/To", "required"));
    }

    @Test
    void requiresOrganIdOfEveryRecipient() {
        EdocPackage p = edocWith(root -> header(root).getTo().get(1).setOrganId(null));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/To[2]/OrganId", "required"));
    }

    @Test
    void refusesDuplicateRecipient() {
        EdocPackage p = edocWith(root -> {
            Organization again = new Organization();
            again.setOrganId(H53_OFFICE);
            header(root).getTo().add(again);
        });

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/To[3]/OrganId", "duplicate"));
        assertThat(rules.check(p).get(0).message()).contains("To[1]");
    }

    @Test
    void requiresSubject() {
        EdocPackage p = edocWith(root -> header(root).setSubject(null));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/Subject", "required"));
    }

    @Test
    void limitsSubjectTo500Characters() {
        EdocPackage p = edocWith(root -> header(root).setSubject("Về việc ".repeat(62) + "abcde"));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/Subject", "max-length-500"));
    }

    @Test
    void countsSubjectLengthInComposedCharacters() {
        String exactly500 = "Về việc ".repeat(62) + "abcd";
        String decomposed = Normalizer.normalize(exactly500, Normalizer.Form.NFD);
        assertThat(decomposed.length()).isGreaterThan(500);

        EdocPackage p = edocWith(root -> header(root).setSubject(decomposed));

        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void limitsContentTo500Characters() {
        EdocPackage p = edocWith(root -> header(root).setContent("x".repeat(501)));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/Content", "max-length-500"));
    }

    @Test
    void requiresDocumentId() {
        EdocPackage p = edocWith(root -> header(root).setDocumentId(null));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/DocumentId", "required"));
    }

    @Test
    void refusesDocumentIdOutsideConventionAndUuid() {
        assertThat(errors(edocWith(root -> header(root).setDocumentId("VB-2025-125"))))
                .containsExactly(tuple("MessageHeader/DocumentId", "format"));
        assertThat(errors(edocWith(root -> header(root).setDocumentId(H53 + ",2025/02/30,125/UBND-VP"))))
                .containsExactly(tuple("MessageHeader/DocumentId", "format"));
    }

    @Test
    void acceptsUuidDocumentId() {
        EdocPackage p = edocWith(root -> header(root).setDocumentId("3f2b8c1e-7d4a-4e2b-9a61-0c5d2e8f9b17"));

        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void refusesAttachmentThatIsNotBase64() {
        EdocPackage p = edocWith(root -> attachment(root, 0).setContentTransferEncoded("JVBERi0x*LjQK"));

        assertThat(errors(p)).containsExactly(tuple("AttachmentEncoded/Attachment[1]/ContentTransferEncoded", "base64"));
        assertThatThrownBy(() -> p.attachments().get(0).data())
                .isInstanceOf(EdxmlException.class)
                .hasMessageContaining("'cong-van.pdf'")
                .satisfies(e -> assertThat(((EdxmlException) e).rule()).isEqualTo("base64"));
    }

    @Test
    void refusesAttachmentWithNonAsciiInBase64() {
        EdocPackage p = edocWith(root -> attachment(root, 0).setContentTransferEncoded("JVBERi0xLjQKé"));

        assertThat(errors(p)).containsExactly(tuple("AttachmentEncoded/Attachment[1]/ContentTransferEncoded", "base64"));
    }

    @Test
    void limitsAttachmentSize() {
        PackageRules small = new PackageRules(100);
        EdocPackage p = edocWith(root -> { });

        assertThat(small.check(p)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("AttachmentEncoded/Attachment[1]/ContentTransferEncoded", "max-size-100"));
        assertThat(new PackageRules().maxAttachmentBytes()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void requiresAnAttachmentForEveryManifestReference() {
        EdocPackage p = edocWith(root -> {
            Reference extra = new Reference();
            extra.setContentId("cid:phu-luc");
            extra.setAttachmentName("phu-luc.pdf");
            root.getEdXMLEnvelope().getEdXMLBody().getEdXMLManifest().getReference().add(extra);
        });

        assertThat(errors(p)).containsExactly(tuple("edXMLManifest/Reference[2]/ContentId", "missing-attachment"));
    }

    @Test
    void requiresAManifestReferenceForEveryAttachment() {
        EdocPackage p = edocWith(root -> {
            Attachment extra = new Attachment();
            extra.setContentId("phu-luc");
            extra.setAttachmentName("phu-luc.pdf");
            extra.setContentTransferEncoded("JVBERi0xLjQK");
            root.getAttachmentEncoded().getAttachment().add(extra);
        });

        assertThat(errors(p)).containsExactly(tuple("AttachmentEncoded/Attachment[2]/ContentId", "missing-reference"));
    }

    @Test
    void refusesTwoAttachmentsWithOneContentId() {
        EdocPackage p = edocWith(root -> {
            Attachment first = attachment(root, 0);
            Attachment copy = new Attachment();
            copy.setContentId(first.getContentId().substring("cid:".length()));
            copy.setContentTransferEncoded(first.getContentTransferEncoded());
            root.getAttachmentEncoded().getAttachment().add(copy);
        });

        assertThat(errors(p)).containsExactly(tuple("AttachmentEncoded/Attachment[2]/ContentId", "duplicate"));
    }

    @Test
    void refusesDateOutsideTheAcceptedForms() {
        EdocPackage p = edocWith(root -> header(root).setDueDate("30/04/2025"));

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/DueDate", "format"));
        assertThatThrownBy(p::dueDate).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.field()).isEqualTo("MessageHeader/DueDate"));
    }

    @Test
    void requiresTheTargetOfARevocation() {
        EdocPackage p = read(SamplePackages.edoc().from(G22).to(H53).businessType(1).toEdxml());

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/ResponseFor", "required"));
    }

    @Test
    void requiresReplacementInfoForAReplacement() {
        EdocPackage p = read(SamplePackages.edoc().from(G22).to(H53).businessType(3).toEdxml());

        assertThat(errors(p)).containsExactly(tuple("TraceHeaderList/Bussiness/ReplacementInfoList", "required"));
    }

    @Test
    void refusesUnknownBusinessType() {
        EdocPackage p = read(SamplePackages.edoc().from(G22).to(H53).businessType(7).toEdxml());

        assertThat(errors(p)).containsExactly(tuple("TraceHeaderList/Bussiness/BussinessDocType", "range"));
    }

    @Test
    void requiresTwoDigitStatusCode() {
        EdocPackage p = read(status().statusCode("3").toEdxml());

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/StatusCode", "format"));
    }

    @Test
    void requiresStatusCodeInAStatus() {
        Edxml root = status().toEdxml();
        header(root).setStatusCode(null);

        EdocPackage p = read(root);

        assertThat(p.kind()).isEqualTo(EdocPackage.Kind.STATUS);
        assertThat(errors(p)).containsExactly(tuple("MessageHeader/StatusCode", "required"));
    }

    @Test
    void requiresResponseForInAStatus() {
        EdocPackage p = read(SamplePackages.status().from(H53_OFFICE).statusCode("03").toEdxml());

        assertThat(errors(p)).containsExactly(tuple("MessageHeader/ResponseFor", "required"));
    }

    @Test
    void refusesStatusTimestampOutsideTheAcceptedForms() {
        Edxml root = status().toEdxml();
        header(root).setTimestamp("12/03/2025 9h30");

        assertThat(errors(read(root))).containsExactly(tuple("MessageHeader/Timestamp", "format"));
    }

    @Test
    void nonConformingAgencyCodesAreWarningsNotErrors() {
        EdocPackage p = read(SamplePackages.edoc().from("00.53.W00").to("999.010.01.H22").to(H29).toEdxml());

        assertThat(rules.check(p)).isEmpty();
        assertThat(rules.warnings(p)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("MessageHeader/From/OrganId", "agency-code-shape"),
                tuple("MessageHeader/To[1]/OrganId", "agency-code-shape"));
    }

    private EdocPackage edocWith(Consumer<Edxml> change) {
        Edxml root = SamplePackages.edoc().from(H53).to(H53_OFFICE).to(H29)
                .documentId(H53 + ",2025/03/12,125/UBND-VP")
                .attachment("cong-van.pdf", "application/pdf", SamplePackages.samplePdf("Cong van 125"))
                .toEdxml();
        change.accept(root);
        return read(root);
    }

    private EdocPackage read(Edxml root) {
        return reader.read(EdxmlFixtures.unvalidated(root));
    }

    private static SamplePackages.StatusBuilder status() {
        return SamplePackages.status().from(H53_OFFICE)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), H53 + ",2025/03/12,125/UBND-VP");
    }

    private static MessageHeader header(Edxml root) {
        return root.getEdXMLEnvelope().getEdXMLHeader().getMessageHeader();
    }

    private static Attachment attachment(Edxml root, int index) {
        return root.getAttachmentEncoded().getAttachment().get(index);
    }

    private List<org.assertj.core.groups.Tuple> errors(EdocPackage p) {
        return rules.check(p).stream().map(v -> tuple(v.field(), v.rule())).toList();
    }
}
