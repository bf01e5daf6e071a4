package vn.gov.bus.core.pki;

import java.security.cert.X509CRL;
import java.util.List;

/**
 * Certificates shared by the tests of this module, generated once per JVM: a trusted root and
 * intermediate, signers valid and deliberately faulty, and a root nobody trusts.
 */
public final class TestPki {

    public final DevCertificateAuthority root;
    public final DevCertificateAuthority intermediate;
    public final KeyMaterial signer;
    public final KeyMaterial expired;
    public final KeyMaterial notYetValid;
    public final KeyMaterial encryptionOnly;
    public final KeyMaterial revoked;
    public final X509CRL crl;
    public final X509CRL rootCrl;
    public final DevCertificateAuthority untrustedRoot;
    public final KeyMaterial untrustedSigner;

    private TestPki() {
        root = DevCertificateAuthority.newRoot("Test Root CA chuyên dùng");
        intermediate = root.newIntermediate("Test CA phục vụ cơ quan nhà nước");
        signer = intermediate.issueSigner("Văn phòng UBND tỉnh Tây Ninh");
        expired = intermediate.issueExpired("Expired signer");
        notYetValid = intermediate.issueNotYetValid("Future signer");
        encryptionOnly = intermediate.issueWithoutSigningUsage("Encryption-only holder");
        revoked = intermediate.issueSigner("Revoked signer");
        crl = intermediate.issueCrl(List.of(revoked.certificate()));
        rootCrl = root.issueCrl(List.of());
        untrustedRoot = DevCertificateAuthority.newRoot("Self-made Root CA");
        untrustedSigner = untrustedRoot.issueSigner("Văn phòng UBND tỉnh Tây Ninh");
    }

    public TrustAnchors anchors() {
        return TrustAnchors.of(root.certificate());
    }

    public CertificateValidator validator() {
        return new CertificateValidator(anchors(), CrlSource.of(crl, rootCrl));
    }

    public static TestPki get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final TestPki INSTANCE = new TestPki();
    }
}
