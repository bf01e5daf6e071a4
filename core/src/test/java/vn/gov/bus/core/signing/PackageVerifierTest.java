package vn.gov.bus.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.bus.core.signing.Packages.DSIG_NS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.gov.bus.core.pki.CertificateCheck;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.pki.TestPki;
import vn.gov.bus.core.signing.VerificationResult.Outcome;
import vn.gov.bus.core.xml.SecureXml;
import vn.gov.bus.core.xml.XmlRejectedException;

class PackageVerifierTest {

    private final TestPki pki = TestPki.get();
    private final PackageVerifier verifier = new PackageVerifier(pki.validator(), VerifierPolicy.strict());

    private static Document signedBy(KeyMaterial key) {
        Document doc = Packages.load(Packages.PREFIXED);
        new PackageSigner(key).sign(doc);
        return Packages.overTheWire(doc);
    }

    private VerificationResult verify(Document doc) {
        return verifier.verify(doc, Instant.now());
    }

    @Test
    void unsignedPackageIsReportedUnsigned() {
        VerificationResult result = verify(Packages.load(Packages.PREFIXED));

        assertThat(result.outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(result.reason()).contains("no Signature");
        assertThat(result.signer()).isNull();
    }

    @Test
    void signerWithExpiredCertificateIsUntrustedBecauseExpired() {
        VerificationResult result = verify(signedBy(pki.expired));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_CERTIFICATE);
        assertThat(result.certificateReason()).isEqualTo(CertificateCheck.Reason.EXPIRED);
        assertThat(result.reason()).contains("expired on " + pki.expired.certificate().getNotAfter().toInstant());
        assertThat(result.signer()).isEqualTo(pki.expired.certificate());
    }

    @Test
    void signatureMadeWhileTheCertificateWasValidVerifiesAtThatTime() {
        Instant whileValid = pki.expired.certificate().getNotAfter().toInstant().minusSeconds(3600);

        assertThat(verifier.verify(signedBy(pki.expired), whileValid).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void signerWithNotYetValidCertificateIsUntrusted() {
        VerificationResult result = verify(signedBy(pki.notYetValid));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_CERTIFICATE);
        assertThat(result.certificateReason()).isEqualTo(CertificateCheck.Reason.NOT_YET_VALID);
    }

    @Test
    void signerWithRevokedCertificateIsUntrusted() {
        VerificationResult result = verify(signedBy(pki.revoked));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_CERTIFICATE);
        assertThat(result.certificateReason()).isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(result.reason()).contains("revoked");
    }

    @Test
    void signerUnderAnUntrustedRootIsUntrusted() {
        VerificationResult result = verify(signedBy(pki.untrustedSigner));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_CERTIFICATE);
        assertThat(result.certificateReason()).isEqualTo(CertificateCheck.Reason.UNTRUSTED_ROOT);
        assertThat(result.reason()).contains("Self-made Root CA");
    }

    @Test
    void signerWhoseCertificateMayNotSignIsUntrusted() {
        VerificationResult result = verify(signedBy(pki.encryptionOnly));

        assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_CERTIFICATE);
        assertThat(result.certificateReason()).isEqualTo(CertificateCheck.Reason.BAD_KEY_USAGE);
    }

    @Test
    void rsaSha1SignatureIsRefusedByDefault() throws Exception {
        Document doc = Packages.load(Packages.PREFIXED);
        TestSignatures.sign(doc, pki.signer, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1, null);

        VerificationResult result = verify(Packages.overTheWire(doc));

        assertThat(result.outcome()).isEqualTo(Outcome.WEAK_ALGORITHM);
        assertThat(result.reason()).contains("SHA-1").contains("rsa-sha1");
        assertThat(result.signatureAlgorithm()).isEqualTo(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1);
    }

    @Test
    void sha1DigestUnderSha256SignatureIsRefusedByDefault() throws Exception {
        Document doc = Packages.load(Packages.PREFIXED);
        TestSignatures.sign(doc, pki.signer, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1, null);

        VerificationResult result = verify(Packages.overTheWire(doc));

        assertThat(result.outcome()).isEqualTo(Outcome.WEAK_ALGORITHM);
        assertThat(result.reason()).contains("digest algorithm");
    }

    @Test
    void rsaSha1SignatureIsAcceptedWithWarningsWhenPolicyAllowsSha1() throws Exception {
        Document doc = Packages.load(Packages.PREFIXED);
        TestSignatures.sign(doc, pki.signer, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1, null);
        PackageVerifier lenient = new PackageVerifier(pki.validator(), VerifierPolicy.allowingSha1());

        VerificationResult result = lenient.verify(Packages.overTheWire(doc), Instant.now());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
        assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("SHA-1"));
    }

    @Test
    void signatureThatLeavesTheSubjectOutIsRefused() throws Exception {
        Document doc = Packages.load(Packages.PREFIXED);
        TestSignatures.sign(doc, pki.signer, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, "//edxml:Subject");
        String tampered = Packages.serialise(doc).replace("V/v triển khai", "V/v hủy bỏ");

        VerificationResult result = verify(Packages.parse(tampered));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED_SIGNATURE);
        assertThat(result.reason()).contains("//edxml:Subject").contains("only exclusion allowed is the trace headers");
    }

    @Test
    void signatureThatLeavesTheWholeTraceListOutIsAcceptedWithAWarningAboutTheBusinessBlock() throws Exception {
        Document doc = Packages.load(Packages.DEFAULT_NAMESPACE);
        TestSignatures.sign(doc, pki.signer, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, "//edxml:TraceHeaderList");

        VerificationResult result = verify(Packages.relayAppendsTraceHeader(doc, "00.53.W00", "2025/03/14 10:00:00"));

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.VALID);
        assertThat(result.warnings()).singleElement().asString().contains("Bussiness");
    }

    @Test
    void certificateSwappedInKeyInfoDoesNotMatchTheSignatureValue() throws Exception {
        Document doc = signedBy(pki.signer);
        KeyMaterial other = pki.intermediate.issueSigner("Another trusted signer");
        Element leaf = (Element) doc.getElementsByTagNameNS(DSIG_NS, "X509Certificate").item(0);
        leaf.setTextContent(Base64.getEncoder().encodeToString(other.certificate().getEncoded()));

        VerificationResult result = verify(Packages.overTheWire(doc));

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(result.reason()).startsWith("signature value mismatch");
    }

    @Test
    void signatureWithoutCertificateIsMalformed() {
        Document doc = signedBy(pki.signer);
        Element keyInfo = (Element) doc.getElementsByTagNameNS(DSIG_NS, "KeyInfo").item(0);
        keyInfo.getParentNode().removeChild(keyInfo);

        VerificationResult result = verify(Packages.overTheWire(doc));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED_SIGNATURE);
        assertThat(result.reason()).contains("no X509Certificate");
    }

    @Test
    void twoSignaturesInTheHeaderAreMalformed() {
        Document doc = signedBy(pki.signer);
        Element header = Packages.header(doc);
        Element signature = (Element) doc.getElementsByTagNameNS(DSIG_NS, "Signature").item(0);
        header.appendChild(signature.cloneNode(true));

        VerificationResult result = verify(Packages.overTheWire(doc));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED_SIGNATURE);
        assertThat(result.reason()).contains("2 Signature elements");
    }

    @Test
    void documentThatIsNotAnEdxmlPackageIsReportedAsSuch() {
        VerificationResult result = verify(Packages.parse("<Envelope xmlns=\"urn:x\"/>"));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED_SIGNATURE);
        assertThat(result.reason()).contains("not an edXML package").contains("{urn:x}Envelope");
    }

    @Test
    void signedPackageWithADoctypeNeverReachesTheVerifier() {
        String wire = Packages.serialise(signedBy(pki.signer));
        String withDoctype = wire.replaceFirst("<edXML ", "<!DOCTYPE edXML [<!ENTITY subject \"x\">]>\n<edXML ");

        assertThatThrownBy(() -> Packages.parse(withDoctype))
                .isInstanceOfSatisfying(XmlRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DTD_FORBIDDEN));
    }

    @Test
    void oversizedSignedPackageNeverReachesTheVerifier() {
        byte[] wire = Packages.serialise(signedBy(pki.signer)).getBytes(StandardCharsets.UTF_8);
        SecureXml small = new SecureXml(new SecureXml.Limits(wire.length - 1, 64));

        assertThatThrownBy(() -> small.parse(wire))
                .isInstanceOfSatisfying(XmlRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_LARGE));
    }

    @Test
    void signingAndPkiCodeCreateNoXmlParserOfTheirOwn() throws IOException {
        List<String> parserFactories = List.of("DocumentBuilderFactory", "SAXParserFactory", "XMLInputFactory",
                "TransformerFactory.newInstance");
        for (String dir : List.of("src/main/java/vn/gov/bus/core/signing", "src/main/java/vn/gov/bus/core/pki")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
                assertThat(sources).isNotEmpty();
                for (Path source : sources) {
                    String text = Files.readString(source);
                    assertThat(parserFactories).as(source.toString()).noneMatch(text::contains);
                }
            }
        }
    }
}
