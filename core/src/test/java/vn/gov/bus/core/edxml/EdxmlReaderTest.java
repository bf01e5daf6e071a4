package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.bus.core.xml.XmlRejectedException;

/** The reader is lenient: real producers differ in prefixes, namespaces, order and spelling. */
class EdxmlReaderTest {

    private final EdxmlReader reader = EdxmlFixtures.reader();
    private final PackageRules rules = new PackageRules();

    /** What a consumer of a package sees, to compare packages read from different shapes. */
    private record Seen(EdocPackage.Kind kind, String documentId, String from, List<String> to, String subject,
                        String content, String code, LocalDate promulgated, LocalDate due, int priority,
                        int steering, int businessType, List<EdocPackage.Trace> traces,
                        List<EdocPackage.ManifestReference> references, List<String> attachments) {
        static Seen of(EdocPackage p) {
            List<String> attachments = p.attachments().stream()
                    .map(a -> a.contentId() + "|" + a.name() + "|" + a.declaredContentType() + "|"
                            + a.effectiveContentType() + "|" + a.zipped() + "|" + a.data().length)
                    .toList();
            return new Seen(p.kind(), p.documentId(), p.fromOrganId(), p.toOrganIds(), p.subject(), p.content(),
                    p.codeNumber() + "/" + p.codeNotation(), p.promulgationDate().orElse(null),
                    p.dueDate().orElse(null), p.priority(), p.steeringType(), p.businessDocType(), p.traces(),
                    p.references(), attachments);
        }
    }

    @Test
    void readsPrefixedDefaultNamespaceAndUnqualifiedPackagesTheSame() {
        Seen prefixed = Seen.of(reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml")));
        Seen defaultNamespace = Seen.of(reader.read(EdxmlFixtures.resource("edoc-default-namespace.edxml")));
        Seen unqualified = Seen.of(reader.read(EdxmlFixtures.resource("edoc-no-namespace.edxml")));

        assertThat(defaultNamespace).isEqualTo(prefixed);
        assertThat(unqualified).isEqualTo(prefixed);
        assertThat(prefixed.documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    }

    @Test
    void readsTheReferenceLibraryLayoutWithItsQuirks() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        assertThat(p.kind()).isEqualTo(EdocPackage.Kind.EDOC);
        // DocumentId after SteeringType, Bussiness before TraceHeader: order does not matter
        assertThat(p.documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(p.steeringType()).isEqualTo(1);
        assertThat(p.traces()).containsExactly(new EdocPackage.Trace("000.00.00.G22", "2015/09/30 10:15:00"));
        assertThat(p.subject()).isEqualTo("V/v kết nối, liên thông phần mềm quản lý văn bản");
        assertThat(p.codeNumber()).isEqualTo("7816");
        assertThat(p.codeNotation()).isEqualTo("VPCP-TTĐT");
        assertThat(p.promulgationDate()).contains(LocalDate.of(2015, 9, 30));
        // an ISO date where the regulation has yyyy/MM/dd
        assertThat(p.dueDate()).contains(LocalDate.of(2015, 10, 15));
        assertThat(p.priority()).isEqualTo(2);
        assertThat(p.toOrganIds()).containsExactly("000.00.00.H53", "999.010.01.H22");
        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void treatsCidPrefixedAndBareContentIdsAsTheSameId() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        // manifest "cid:7816.pdf" vs attachment "7816.pdf"; manifest only xlink:href="cid:to-trinh"
        assertThat(p.references()).extracting(EdocPackage.ManifestReference::contentId)
                .containsExactly("7816.pdf", "to-trinh");
        assertThat(p.attachments()).extracting(EdocAttachment::contentId).containsExactly("7816.pdf", "to-trinh");
        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void decodesBase64WrappedOnSeveralLines() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        EdocAttachment pdf = p.attachments().get(0);
        assertThat(pdf.encoded()).contains("\n");
        assertThat(new String(pdf.data(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        assertThat(pdf.size()).isEqualTo(pdf.data().length);
    }

    @Test
    void detectsZipBehindPdfDeclarationInReceivedPackage() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        EdocAttachment second = p.attachments().get(1);
        assertThat(second.name()).isEqualTo("to-trinh.pdf");
        assertThat(second.declaredContentType()).isEqualTo("application/pdf");
        assertThat(second.effectiveContentType()).isEqualTo("application/zip");
        assertThat(second.zipped()).isTrue();
        assertThat(p.attachments().get(0).zipped()).isFalse();
    }

    @Test
    void warnsButDoesNotRejectNonConformingAgencyCode() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        assertThat(rules.check(p)).isEmpty();
        assertThat(rules.warnings(p)).extracting(Violation::field, Violation::rule)
                .contains(tuple("MessageHeader/To[2]/OrganId", "agency-code-shape"));
    }

    @Test
    void keepsTheReceivedDomAsItCameWhenElementsHaveNoNamespace() {
        byte[] received = EdxmlFixtures.resource("edoc-no-namespace.edxml");

        EdocPackage p = reader.read(received);

        assertThat(p.dom().getDocumentElement().getNamespaceURI()).isNull();
        assertThat(p.edxml().getEdXMLEnvelope().getEdXMLHeader().getMessageHeader().getFrom().getOrganId())
                .isEqualTo("000.00.00.G22");
        assertThat(EdxmlFixtures.utf8(p.toBytes())).contains("<edXML>").contains("<edXMLEnvelope>")
                .doesNotContain(EdxmlNamespace.URI);
    }

    @Test
    void rejectsPackageWithDoctype() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader>
                <MessageHeader><From><OrganId>&xxe;</OrganId></From></MessageHeader>
                </edXMLHeader></edXMLEnvelope></edXML>""";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DTD_FORBIDDEN));
    }

    @Test
    void rejectsRootOtherThanEdxml() {
        String xml = "<Envelope xmlns=\"" + EdxmlNamespace.URI + "\"/>";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> {
                    assertThat(e.field()).isEqualTo("edXML");
                    assertThat(e.rule()).isEqualTo("root");
                });
    }

    @Test
    void rejectsEdxmlRootInAnotherNamespace() {
        String xml = "<edXML xmlns=\"urn:example:other\"/>";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> assertThat(e.rule()).isEqualTo("namespace"));
    }

    @Test
    void rejectsPackageWithoutMessageHeader() {
        String xml = "<edXML xmlns=\"" + EdxmlNamespace.URI + "\"><edXMLEnvelope><edXMLHeader/></edXMLEnvelope></edXML>";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EdxmlException.class, e -> {
                    assertThat(e.field()).isEqualTo("MessageHeader");
                    assertThat(e.rule()).isEqualTo("required");
                });
    }

    @Test
    void recordsUnreadableNumberAsFormatViolationInsteadOfFailing() {
        String xml = minimalEdoc("<Bussiness><BussinessDocType>thu-hoi</BussinessDocType></Bussiness>");

        EdocPackage p = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(p.businessDocType()).isZero();
        assertThat(p.readIssues()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("TraceHeaderList/Bussiness/BussinessDocType", "format"));
        assertThat(rules.check(p)).extracting(Violation::field, Violation::rule)
                .contains(tuple("TraceHeaderList/Bussiness/BussinessDocType", "format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bussiness", "Business"})
    void readsBusinessBlockWhateverItsSpelling(String spelling) {
        String block = "<" + spelling + "><" + spelling + "DocType>1</" + spelling + "DocType><" + spelling
                + "DocReason>Thu hồi</" + spelling + "DocReason></" + spelling + ">";

        EdocPackage p = reader.read(minimalEdoc(block).getBytes(StandardCharsets.UTF_8));

        assertThat(p.businessDocType()).isEqualTo(1);
        assertThat(p.businessDocReason()).isEqualTo("Thu hồi");
    }

    @Test
    void skipsUnknownElementsAndKeepsThemInTheDom() {
        String xml = minimalEdoc("<TraceHeader><OrganId>000.00.00.G22</OrganId>"
                + "<Timestamp>2025/03/12 09:30:00</Timestamp><Business2>x</Business2></TraceHeader>")
                .replace("<Subject>", "<ReferenceCodes>HS-001</ReferenceCodes><Subject>");

        EdocPackage p = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(p.subject()).isEqualTo("Kiểm tra");
        assertThat(p.readIssues()).isEmpty();
        assertThat(EdxmlFixtures.utf8(p.toBytes())).contains("<ReferenceCodes>HS-001</ReferenceCodes>");
    }

    @Test
    void acceptsLegacySignatureInTheEdxmlNamespace() {
        String xml = minimalEdoc("")
                .replace("</MessageHeader>", "</MessageHeader><Signature><SignedInfo/><SignatureValue>AAAA</SignatureValue></Signature>");

        EdocPackage p = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(p.edxml().getEdXMLEnvelope().getEdXMLHeader().getSignature()).isNotNull();
        assertThat(p.fromOrganId()).isEqualTo("000.00.00.G22");
    }

    /** A small edoc in the default namespace with {@code traceList} inside TraceHeaderList. */
    static String minimalEdoc(String traceList) {
        return """
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader>
                <MessageHeader><From><OrganId>000.00.00.G22</OrganId></From><To><OrganId>000.00.00.H53</OrganId></To>
                <DocumentId>000.00.00.G22,2025/03/12,12/VPCP-KSTT</DocumentId><Subject>Kiểm tra</Subject></MessageHeader>
                <TraceHeaderList>%s</TraceHeaderList>
                </edXMLHeader></edXMLEnvelope></edXML>""".formatted(traceList);
    }
}
