package vn.gov.bus.connectors.mail;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A root and an organisation certificate under it, made for the test run. */
final class TestKeys {

    final KeyPair rootKeys;
    final X509Certificate root;
    final KeyPair orgKeys;
    final X509Certificate org;

    TestKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            rootKeys = generator.generateKeyPair();
            orgKeys = generator.generateKeyPair();
            X500Name rootName = new X500Name("CN=Mail Test Root CA");
            Instant now = Instant.now();
            root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootName,
                    BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                    rootName, rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())));
            org = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootName,
                    BigInteger.TWO, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("CN=Ủy ban nhân dân tỉnh Tây Ninh (test),O=UBND"), orgKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    SmimeSigner signer() {
        return new SmimeSigner(orgKeys.getPrivate(), java.util.List.of(org, root));
    }
}
