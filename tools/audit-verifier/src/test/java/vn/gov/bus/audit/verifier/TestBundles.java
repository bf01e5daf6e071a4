package vn.gov.bus.audit.verifier;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Bundles written with this module alone (no bus): records, payloads, a signed checkpoint, the root. */
final class TestBundles {

    private TestBundles() {
    }

    static Path write(Path dir, int records) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Kiểm thử, O=Test, C=VN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        X509Certificate root = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));

        List<ChainEntry> entries = new ArrayList<>();
        byte[] previous = RecordEncoding.GENESIS;
        List<byte[]> payloads = new ArrayList<>();
        for (int seq = 1; seq <= records; seq++) {
            byte[] payload = ("<edXML>" + seq + "</edXML>").getBytes(StandardCharsets.UTF_8);
            payloads.add(payload);
            byte[] content = RecordEncoding.encode(new RecordFields(seq, "2026-12-01T10:00:00.00" + (seq % 10) + "Z",
                    "DELIVERED", "OK", "m-" + seq, "doc-" + seq, null, "deliver-axis", "000.00.01.H53",
                    "000.00.00.G22", "bus", null, "thử", Digests.sha256Hex(payload)));
            byte[] hash = RecordEncoding.chainHash(previous, Digests.sha256(content));
            entries.add(ChainEntry.full(seq, previous, hash, content));
            previous = hash;
        }
        byte[] statement = new CheckpointStatement(records, Digests.hex(previous),
                CheckpointStatementTime.now()).toBytes();
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()), root));
        cms.addCertificates(new JcaCertStore(List.of(root)));
        byte[] signature = cms.generate(new CMSProcessableByteArray(statement), true).getEncoded();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter bundle = new BundleWriter(out)) {
            bundle.info("test bundle");
            bundle.records(entries);
            for (byte[] p : payloads) {
                bundle.payload(Digests.sha256Hex(p), p);
            }
            bundle.pruned(List.of());
            bundle.checkpoint(records, signature, null);
            bundle.certificate("root", root);
        }
        Path zip = dir.resolve("bundle.zip");
        Files.write(zip, out.toByteArray());
        Files.writeString(dir.resolve("root.pem"), BundleWriter.pem(root));
        return zip;
    }

    /** The checkpoint time format, from the current instant. */
    static final class CheckpointStatementTime {
        static String now() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        }
    }
}
