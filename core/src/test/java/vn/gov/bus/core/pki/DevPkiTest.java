package vn.gov.bus.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {

    private static final String ORGANISATION = "Ủy ban nhân dân tỉnh Tây Ninh";
    private static final String ORGAN_ID = "000.00.00.H53";

    @TempDir
    static Path dir;
    static DevPki.Result first;

    @BeforeAll
    static void generate() {
        first = DevPki.loadOrCreate(dir.resolve("pki"), ORGANISATION, ORGAN_ID);
    }

    @Test
    void createsDevelopmentPkiThenReloadsTheSameMaterial() {
        DevPki.Result second = DevPki.loadOrCreate(dir.resolve("pki"), ORGANISATION, ORGAN_ID);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.key().certificate()).isEqualTo(first.key().certificate());
        assertThat(second.key().privateKey().getEncoded()).isEqualTo(first.key().privateKey().getEncoded());
        assertThat(second.key().chain()).isEqualTo(first.key().chain());
        assertThat(second.anchors().certificates()).isEqualTo(first.anchors().certificates());
    }

    @Test
    void writesKeyStoresPemFilesReadmeAndPassword() throws Exception {
        Path pki = dir.resolve("pki");
        assertThat(pki.resolve("organisation.p12")).isRegularFile();
        assertThat(pki.resolve("truststore.p12")).isRegularFile();
        assertThat(pki.resolve("root-ca.pem")).isRegularFile();
        assertThat(pki.resolve("intermediate-ca.pem")).isRegularFile();
        assertThat(pki.resolve("organisation.pem")).isRegularFile();
        assertThat(Files.readString(pki.resolve("README.txt"))).contains("DEVELOPMENT PKI");
        assertThat(TrustAnchors.fromPem(pki.resolve("root-ca.pem")).certificates())
                .containsExactlyElementsOf(first.anchors().certificates());
        assertThat(TrustAnchors.fromPem(pki.resolve("organisation.pem")).certificates())
                .containsExactly(first.key().certificate());
    }

    @Test
    void keepsPasswordFileAndKeyStoreReadableByOwnerOnly() throws Exception {
        if (!first.passwordFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.passwordFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.keystore())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(first.passwordFile()).strip()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void keyStoreOpensWithThePasswordFile() throws Exception {
        char[] password = Files.readString(first.passwordFile()).strip().toCharArray();

        KeyMaterial key = KeyMaterial.fromPkcs12(first.keystore(), password, null);
        TrustAnchors anchors = TrustAnchors.fromPkcs12(first.truststore(), password);

        assertThat(key.certificate()).isEqualTo(first.key().certificate());
        assertThat(anchors.certificates()).hasSize(1);
    }

    @Test
    void generatedChainValidatesToTheRoot() {
        CertificateCheck check = new CertificateValidator(first.anchors(), CrlSource.none())
                .validate(first.key().chain(), Instant.now());

        assertThat(check.valid()).as(check.detail()).isTrue();
        assertThat(first.key().chain()).hasSize(3);
    }

    @Test
    void organisationCertificateHasUtf8VietnameseSubjectAndSigningUsage() throws Exception {
        X509Certificate cert = first.key().certificate();
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());

        assertThat(value(subject, BCStyle.CN)).isInstanceOf(DERUTF8String.class);
        assertThat(value(subject, BCStyle.CN).toString()).isEqualTo(ORGANISATION);
        assertThat(value(subject, BCStyle.O).toString()).isEqualTo(ORGANISATION);
        assertThat(value(subject, BCStyle.OU).toString()).isEqualTo(ORGAN_ID);
        assertThat(value(subject, BCStyle.C).toString()).isEqualTo("VN");
        assertThat(cert.getSubjectX500Principal().getName())
                .isEqualTo("CN=" + ORGANISATION + ",OU=" + ORGAN_ID + ",O=" + ORGANISATION + ",C=VN");
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays())
                .isBetween(729L, 731L);
    }

    @Test
    void caCertificatesAreRsa3072AndIntermediateMayOnlyIssueEndEntities() {
        List<X509Certificate> chain = first.key().chain();
        X509Certificate intermediate = chain.get(1);
        X509Certificate root = chain.get(2);

        assertThat(intermediate.getBasicConstraints()).isZero();
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(((RSAPublicKey) intermediate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(((RSAPublicKey) root.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays())
                .isGreaterThanOrEqualTo(3650L);
        assertThat(first.anchors().certificates()).containsExactly(root);
    }

    @Test
    void refusesIncompleteDirectoryInsteadOfOverwritingIt() throws Exception {
        Path partial = dir.resolve("partial");
        Files.createDirectories(partial);
        Files.copy(first.keystore(), partial.resolve("organisation.p12"));

        assertThatThrownBy(() -> DevPki.loadOrCreate(partial, ORGANISATION, ORGAN_ID))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void wrongKeyStorePasswordIsReportedWithTheFileName() {
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(first.keystore(), "wrong".toCharArray(), null))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("organisation.p12");
    }

    private static ASN1Encodable value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        assertThat(rdns).hasSize(1);
        return rdns[0].getFirst().getValue();
    }
}
