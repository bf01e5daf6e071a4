package vn.gov.bus.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import vn.gov.bus.core.pki.CertificateValidator;
import vn.gov.bus.core.pki.CrlSource;
import vn.gov.bus.core.pki.DevPki;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.signing.PackageVerifier;
import vn.gov.bus.core.signing.VerificationResult;
import vn.gov.bus.core.signing.VerifierPolicy;
import vn.gov.bus.core.xml.SecureXml;

/**
 * Single-threaded XML-DSig rates on one package, each operation from bytes to bytes (or to a
 * verdict) as the bus does it: sign = parse + sign + serialise; verify = parse + verify with the
 * certificate path checked against the trust anchors (no CRL).
 */
final class SignatureRate {

    record Result(String operation, int packageBytes, long operations, Duration measured) {
        double perSecond() {
            return operations / (measured.toNanos() / 1e9);
        }
    }

    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

    private final SecureXml xml = new SecureXml();
    private final PackageSigner signer;
    private final PackageVerifier verifier;
    private final Duration warmUp;
    private final Duration measure;

    SignatureRate(Path pkiDir, Duration warmUp, Duration measure) {
        DevPki.Result pki = DevPki.loadOrCreate(pkiDir, BenchPackages.OFFICE_NAME, BenchPackages.OFFICE);
        this.signer = new PackageSigner(pki.key());
        this.verifier = new PackageVerifier(new CertificateValidator(pki.anchors(), CrlSource.none()),
                VerifierPolicy.strict());
        this.warmUp = warmUp;
        this.measure = measure;
    }

    Result sign(byte[] pkg) throws TransformerException {
        long deadline = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < deadline) {
            signOnce(pkg);
        }
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        long count = 0;
        long now;
        do {
            signOnce(pkg);
            count++;
            now = System.nanoTime();
        } while (now < end);
        return new Result("sign", pkg.length, count, Duration.ofNanos(now - start));
    }

    /** Verifies a package signed here; a package that does not verify stops the run (its rate would mean nothing). */
    Result verify(byte[] pkg) throws TransformerException {
        byte[] signed = signOnce(pkg);
        VerificationResult first = verifyOnce(signed);
        if (!first.valid()) {
            throw new IllegalStateException("the freshly signed package does not verify: " + first.reason());
        }
        long deadline = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < deadline) {
            verifyOnce(signed);
        }
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        long count = 0;
        long now;
        do {
            verifyOnce(signed);
            count++;
            now = System.nanoTime();
        } while (now < end);
        return new Result("verify", signed.length, count, Duration.ofNanos(now - start));
    }

    byte[] signOnce(byte[] pkg) throws TransformerException {
        Document dom = xml.parse(pkg);
        signer.sign(dom);
        return serialise(dom);
    }

    private VerificationResult verifyOnce(byte[] signed) {
        return verifier.verify(xml.parse(signed), Instant.now());
    }

    /** As the bus writes packages: UTF-8, nothing re-indented, the declaration without standalone. */
    private static byte[] serialise(Document dom) throws TransformerException {
        Transformer transformer = SecureXml.transformerFactory().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(DECLARATION);
        transformer.transform(new DOMSource(dom), new StreamResult(out));
        return out.toByteArray();
    }
}
