package vn.gov.bus.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.bus.core.signing.Packages.DSIG_NS;
import static vn.gov.bus.core.signing.Packages.EDXML_NS;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.KeySelector;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.gov.bus.core.pki.TestPki;
import vn.gov.bus.core.signing.VerificationResult.Outcome;

class PackageSignerTest {

    private final TestPki pki = TestPki.get();
    private final PackageSigner signer = new PackageSigner(pki.signer);
    private final PackageVerifier verifier = new PackageVerifier(pki.validator(), VerifierPolicy.strict());

    private Document signedPrefixed() {
        Document doc = Packages.load(Packages.PREFIXED);
        signer.sign(doc);
        return Packages.overTheWire(doc);
    }

    @Test
    void signedPackageVerifies() {
        VerificationResult result = verifier.verify(signedPrefixed(), Instant.now());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
        assertThat(result.signer()).isEqualTo(pki.signer.certificate());
        assertThat(result.signatureAlgorithm()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(result.legacyShape()).isFalse();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.certificateReason()).isNull();
    }

    @Test
    void signsPackageWhoseElementsAreAllInTheDefaultNamespace() {
        Document doc = Packages.load(Packages.DEFAULT_NAMESPACE);
        signer.sign(doc);

        VerificationResult result = verifier.verify(Packages.relayAppendsTraceHeader(doc, "000.00.00.G22",
                "2025/03/14 09:20:00"), Instant.now());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
    }

    @Test
    void signatureIsTheLastChildOfTheHeaderInTheXmlDsigNamespaceWithTheAgreedShape() {
        Document doc = signedPrefixed();
        Element header = Packages.header(doc);
        Element signature = lastElement(header);

        assertThat(signature.getNamespaceURI()).isEqualTo(DSIG_NS);
        assertThat(signature.getLocalName()).isEqualTo("Signature");
        assertThat(signature.getPrefix()).isEqualTo("ds");
        assertThat(attribute(doc, "CanonicalizationMethod"))
                .containsExactly("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(attribute(doc, "SignatureMethod"))
                .containsExactly("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(attribute(doc, "DigestMethod")).containsExactly("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(attribute(doc, "Transform")).containsExactly(
                "http://www.w3.org/2002/06/xmldsig-filter2",
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                "http://www.w3.org/2001/10/xml-exc-c14n#");
        Element reference = Packages.first(doc, DSIG_NS, "Reference");
        assertThat(reference.getAttribute("URI")).isEmpty();
        Element xpath = Packages.first(doc, "http://www.w3.org/2002/06/xmldsig-filter2", "XPath");
        assertThat(xpath.getAttribute("Filter")).isEqualTo("subtract");
        assertThat(xpath.getTextContent()).contains("edxml:TraceHeaderList");
        assertThat(xpath.lookupNamespaceURI("edxml")).isEqualTo(EDXML_NS);
    }

    @Test
    void keyInfoCarriesSignerAndIntermediateButNotTheRoot() throws Exception {
        Element signature = lastElement(Packages.header(signedPrefixed()));
        KeyInfo keyInfo = new XMLSignature(signature, "", true).getKeyInfo();
        List<X509Certificate> carried = new ArrayList<>();
        for (int i = 0; i < keyInfo.itemX509Data(0).lengthCertificate(); i++) {
            carried.add(keyInfo.itemX509Data(0).itemCertificate(i).getX509Certificate());
        }

        assertThat(carried).containsExactly(pki.signer.certificate(), pki.intermediate.certificate());
    }

    @Test
    void appendingTraceHeaderAfterSigningKeepsTheSignatureValid() {
        Document relayed = Packages.relayAppendsTraceHeader(signedPrefixed(), "00.53.W00", "2025/03/14 09:16:02");
        Document twice = Packages.relayAppendsTraceHeader(relayed, "000.00.00.G22", "2025/03/14 09:16:40");

        assertThat(twice.getElementsByTagNameNS(EDXML_NS, "TraceHeader").getLength()).isEqualTo(3);
        VerificationResult result = verifier.verify(twice, Instant.now());
        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
    }

    @Test
    void changingOneCharacterOfTheSubjectAfterSigningInvalidatesTheSignature() {
        String wire = Packages.serialise(signedPrefixed());
        String tampered = wire.replace("V/v triển khai kết nối", "V/v triển khai kết nốI");
        assertThat(tampered).isNotEqualTo(wire);

        VerificationResult result = verifier.verify(Packages.parse(tampered), Instant.now());

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(result.reason()).startsWith("reference digest mismatch: the signed content was changed");
    }

    @Test
    void changingOneCharacterOfAnAttachmentAfterSigningInvalidatesTheSignature() {
        String wire = Packages.serialise(signedPrefixed());
        String tampered = wire.replace("<edXML:ContentTransferEncoded>JVBERi0x", "<edXML:ContentTransferEncoded>JVBERi0y");
        assertThat(tampered).isNotEqualTo(wire);

        VerificationResult result = verifier.verify(Packages.parse(tampered), Instant.now());

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(result.reason()).contains("reference digest mismatch");
    }

    @Test
    void changingTheBusinessTypeInTheTraceListAfterSigningInvalidatesTheSignature() {
        String wire = Packages.serialise(signedPrefixed());
        String revoke = wire.replace("<edXML:BussinessDocType>0<", "<edXML:BussinessDocType>1<");
        assertThat(revoke).isNotEqualTo(wire);

        assertThat(verifier.verify(Packages.parse(revoke), Instant.now()).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);
    }

    @Test
    void signatureVerifiesWithPlainSantuarioAgainstTheTrustAnchor() throws Exception {
        Document doc = Packages.relayAppendsTraceHeader(signedPrefixed(), "00.53.W00", "2025/03/14 09:16:02");
        Element element = (Element) doc.getElementsByTagNameNS(DSIG_NS, "Signature").item(0);

        XMLSignature signature = new XMLSignature(element, "", true);
        X509Certificate leaf = signature.getKeyInfo().itemX509Data(0).itemCertificate(0).getX509Certificate();
        X509Certificate intermediate =
                signature.getKeyInfo().itemX509Data(0).itemCertificate(1).getX509Certificate();

        assertThat(signature.checkSignatureValue(leaf)).isTrue();
        leaf.verify(intermediate.getPublicKey());
        intermediate.verify(pki.root.certificate().getPublicKey());
        leaf.checkValidity();
    }

    @Test
    void signatureVerifiesWithTheJdkXmlDsigImplementation() throws Exception {
        Document doc = Packages.relayAppendsTraceHeader(signedPrefixed(), "00.53.W00", "2025/03/14 09:16:02");
        Element element = (Element) doc.getElementsByTagNameNS(DSIG_NS, "Signature").item(0);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
        DOMValidateContext context = new DOMValidateContext(
                KeySelector.singletonKeySelector(pki.signer.certificate().getPublicKey()), element);

        javax.xml.crypto.dsig.XMLSignature signature = factory.unmarshalXMLSignature(context);

        assertThat(signature.validate(context)).isTrue();
    }

    @Test
    void signingReplacesSignaturesAlreadyInTheHeaderInEitherNamespace() {
        Document doc = Packages.load(Packages.PREFIXED);
        new PackageSigner(pki.signer, SignatureShape.LEGACY).sign(doc);
        Element header = Packages.header(doc);
        header.appendChild(doc.createElementNS(DSIG_NS, "ds:Signature"));

        signer.sign(doc);

        List<Element> signatures = EdxmlSignatureNames.signatures(header);
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).getNamespaceURI()).isEqualTo(DSIG_NS);
        assertThat(verifier.verify(Packages.overTheWire(doc), Instant.now()).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void legacyShapePutsTheSignatureInTheEdxmlNamespaceAndVerifies() {
        Document doc = Packages.load(Packages.PREFIXED);
        new PackageSigner(pki.signer, SignatureShape.LEGACY).sign(doc);
        String wire = Packages.serialise(doc);

        assertThat(wire).doesNotContain(DSIG_NS + "\"").contains("<Signature>").contains("<SignedInfo>");
        Document received = Packages.parse(wire);
        Element signature = lastElement(Packages.header(received));
        assertThat(signature.getLocalName()).isEqualTo("Signature");
        assertThat(signature.getNamespaceURI()).isEqualTo(EDXML_NS);
        assertThat(attribute(received, EDXML_NS, "Transform")).containsExactly(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                "http://www.w3.org/2001/10/xml-exc-c14n#");

        VerificationResult result = verifier.verify(received, Instant.now());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
        assertThat(result.legacyShape()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("legacy signature shape"));
    }

    @Test
    void legacyShapeBreaksWhenARelayAppendsATraceHeaderAndTheReasonSaysWhy() {
        Document doc = Packages.load(Packages.PREFIXED);
        new PackageSigner(pki.signer, SignatureShape.LEGACY).sign(doc);

        VerificationResult result = verifier.verify(
                Packages.relayAppendsTraceHeader(doc, "00.53.W00", "2025/03/14 09:16:02"), Instant.now());

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(result.legacyShape()).isTrue();
        assertThat(result.reason()).contains("reference digest mismatch").contains("TraceHeader appended by a relay");
    }

    @Test
    void verifyingNeverChangesTheCallersDocument() {
        Document doc = Packages.load(Packages.PREFIXED);
        new PackageSigner(pki.signer, SignatureShape.LEGACY).sign(doc);
        Document received = Packages.overTheWire(doc);
        String before = Packages.serialise(received);

        verifier.verify(received, Instant.now());

        assertThat(Packages.serialise(received)).isEqualTo(before);
        assertThat(lastElement(Packages.header(received)).getNamespaceURI()).isEqualTo(EDXML_NS);
    }

    @Test
    void refusesToSignADocumentThatIsNotAnEdxmlPackage() {
        Document doc = Packages.parse("<edXML xmlns=\"urn:other\"><edXMLEnvelope/></edXML>");

        assertThatThrownBy(() -> signer.sign(doc))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("edXMLHeader").hasMessageContaining("{urn:other}edXML");
    }

    private static Element lastElement(Element parent) {
        Node n = parent.getLastChild();
        while (!(n instanceof Element)) {
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    private static List<String> attribute(Document doc, String localName) {
        return attribute(doc, DSIG_NS, localName);
    }

    private static List<String> attribute(Document doc, String ns, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute("Algorithm"));
        }
        return values;
    }
}
