package vn.gov.bus.app.security;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * BouncyCastle-made TLS certificates for the mTLS test: a CA, a server certificate for 127.0.0.1
 * (subjectAltName, so the client's hostname check passes for real), client certificates.
 */
final class TlsCertificates {

    static final char[] PASSWORD = "test-store".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    record Issued(PrivateKey key, X509Certificate certificate, X509Certificate ca) {

        KeyStore keyStore() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key, PASSWORD, new Certificate[] {certificate, ca});
            return store;
        }

        Path writeKeyStore(Path file) throws Exception {
            try (var out = Files.newOutputStream(file)) {
                keyStore().store(out, PASSWORD);
            }
            return file;
        }

        /** A client context presenting this certificate and trusting {@code serverCa}. */
        SSLContext clientContext(X509Certificate serverCa) throws Exception {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trusting(serverCa).getTrustManagers(), RANDOM);
            return context;
        }
    }

    final KeyPair caKeys = rsa();
    final X509Certificate ca;

    TlsCertificates(String caName) throws Exception {
        X500Name name = new X500Name(caName);
        ca = sign(new JcaX509v3CertificateBuilder(name, serial(), from(), to(), name, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    }

    Issued server() throws Exception {
        KeyPair keys = rsa();
        X509Certificate cert = sign(new JcaX509v3CertificateBuilder(ca, serial(), from(), to(),
                new javax.security.auth.x500.X500Principal("CN=127.0.0.1,O=Bus test"), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")})));
        return new Issued(keys.getPrivate(), cert, ca);
    }

    Issued client(String subject) throws Exception {
        KeyPair keys = rsa();
        X509Certificate cert = sign(new JcaX509v3CertificateBuilder(ca, serial(), from(), to(),
                new javax.security.auth.x500.X500Principal(subject), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
        return new Issued(keys.getPrivate(), cert, ca);
    }

    Path writeTrustStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    static TrustManagerFactory trusting(X509Certificate anchor) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", anchor);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return trust;
    }

    /** A client context with no certificate of its own. */
    static SSLContext anonymousClient(X509Certificate serverCa) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusting(serverCa).getTrustManagers(), RANDOM);
        return context;
    }

    private X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date to() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }
}
