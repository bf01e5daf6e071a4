package vn.gov.bus.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateValidatorTest {

    private final TestPki pki = TestPki.get();
    private final Instant now = Instant.now();

    @Test
    void acceptsChainBuiltToConfiguredAnchor() {
        CertificateCheck check = pki.validator().validate(pki.signer.chain(), now);

        assertThat(check.valid()).isTrue();
        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.OK);
        assertThat(check.detail()).contains("Test Root CA").contains("checked against CRLs");
    }

    @Test
    void acceptsSignerUnderEitherOfTwoConfiguredRoots() {
        DevCertificateAuthority publicRoot = DevCertificateAuthority.newRoot("Test Vietnam National Root CA");
        KeyMaterial publicSigner = publicRoot.newIntermediate("Test public CA").issueSigner("Công ty A");
        CertificateValidator validator = new CertificateValidator(
                TrustAnchors.of(pki.root.certificate(), publicRoot.certificate()), CrlSource.none());

        assertThat(validator.validate(pki.signer.chain(), now).valid()).isTrue();
        assertThat(validator.validate(publicSigner.chain(), now).valid()).isTrue();
    }

    @Test
    void rejectsExpiredCertificateAndSaysWhenItExpired() {
        CertificateCheck check = pki.validator().validate(pki.expired.chain(), now);

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.EXPIRED);
        assertThat(check.detail()).contains("Expired signer")
                .contains("expired on " + pki.expired.certificate().getNotAfter().toInstant());
    }

    @Test
    void acceptsExpiredCertificateWhenCheckedAtATimeItWasValid() {
        Instant whileValid = pki.expired.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1));

        assertThat(pki.validator().validate(pki.expired.chain(), whileValid).valid()).isTrue();
    }

    @Test
    void rejectsNotYetValidCertificate() {
        CertificateCheck check = pki.validator().validate(pki.notYetValid.chain(), now);

        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.NOT_YET_VALID);
        assertThat(check.detail()).contains("not valid before");
    }

    @Test
    void rejectsCertificateRevokedByCrl() {
        CertificateCheck check = pki.validator().validate(pki.revoked.chain(), now);

        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(check.detail()).contains("Revoked signer").contains("KEY_COMPROMISE");
    }

    @Test
    void ignoresRevocationWhenNoCrlSourceIsConfigured() {
        CertificateValidator validator = new CertificateValidator(pki.anchors(), CrlSource.none());

        CertificateCheck check = validator.validate(pki.revoked.chain(), now);

        assertThat(check.valid()).isTrue();
        assertThat(check.detail()).contains("not checked (no CRL source configured)");
    }

    @Test
    void acceptsCertificateWhoseIssuerHasNoCrlAndSaysRevocationWasNotChecked() {
        DevCertificateAuthority otherIntermediate = pki.root.newIntermediate("Test second CA");
        KeyMaterial signer = otherIntermediate.issueSigner("Sở Nội vụ");

        CertificateCheck check = pki.validator().validate(signer.chain(), now);

        assertThat(check.valid()).isTrue();
        assertThat(check.detail()).contains("no current CRL for the issuer of");
    }

    @Test
    void readsCrlFromPemFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ca.crl");
        Files.writeString(file, "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder().encodeToString(pki.crl.getEncoded())
                + "\n-----END X509 CRL-----\n", StandardCharsets.US_ASCII);
        CertificateValidator validator = new CertificateValidator(pki.anchors(), CrlSource.fromFiles(file));

        assertThat(validator.validate(pki.revoked.chain(), now).reason()).isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(validator.validate(pki.signer.chain(), now).valid()).isTrue();
    }

    @Test
    void rejectsCertificateFromUntrustedRootEvenWhenTheMessageCarriesThatRoot() {
        List<X509Certificate> chainWithRoot = pki.untrustedSigner.chain();
        assertThat(chainWithRoot).contains(pki.untrustedRoot.certificate());

        CertificateCheck check = pki.validator().validate(chainWithRoot, now);

        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.UNTRUSTED_ROOT);
        assertThat(check.detail()).contains("Self-made Root CA").contains("Test Root CA");
    }

    @Test
    void rejectsChainWhoseIntermediateIsMissing() {
        CertificateCheck check = pki.validator().validate(List.of(pki.signer.certificate()), now);

        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.UNTRUSTED_ROOT);
    }

    @Test
    void rejectsCertificateWithoutSigningKeyUsage() {
        CertificateCheck check = pki.validator().validate(pki.encryptionOnly.chain(), now);

        assertThat(check.reason()).isEqualTo(CertificateCheck.Reason.BAD_KEY_USAGE);
        assertThat(check.detail()).contains("keyEncipherment").contains("neither digitalSignature nor nonRepudiation");
    }

    @Test
    void findsPathWhateverOrderTheMessageListsIntermediatesIn() {
        List<X509Certificate> shuffled = new ArrayList<>(pki.signer.chain());
        shuffled.add(1, shuffled.remove(shuffled.size() - 1));

        assertThat(pki.validator().validate(shuffled, now).valid()).isTrue();
    }

    @Test
    void rejectsEmptyChainAsMalformed() {
        assertThat(pki.validator().validate(List.of(), now).reason()).isEqualTo(CertificateCheck.Reason.MALFORMED);
    }
}
