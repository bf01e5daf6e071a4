package vn.gov.bus.core.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificates the bus trusts as roots of a signer's chain. Vietnam has two separate roots
 * (the government's specialised root of Ban Cơ yếu Chính phủ and the public Vietnam National
 * Root CA over the licensed public CAs), and partners sign under either, so several anchors are
 * configured at once; nothing inside a received message is ever added here.
 */
public final class TrustAnchors {

    private final List<X509Certificate> certificates;

    private TrustAnchors(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new PkiException("no trust anchor configured: at least one root certificate is required");
        }
        this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
    }

    public static TrustAnchors of(X509Certificate... roots) {
        return new TrustAnchors(List.of(roots));
    }

    public static TrustAnchors of(List<X509Certificate> roots) {
        return new TrustAnchors(roots);
    }

    /** Every trusted-certificate entry of a PKCS#12 trust store. */
    public static TrustAnchors fromPkcs12(Path file, char[] password) {
        KeyStore store = Pkcs12Files.load(file, password);
        List<X509Certificate> roots = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    roots.add((X509Certificate) store.getCertificate(alias));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException(file + ": cannot read trust store: " + e.getMessage(), e);
        }
        if (roots.isEmpty()) {
            throw new PkiException(file + ": trust store holds no trusted certificate entry");
        }
        return new TrustAnchors(roots);
    }

    /** All certificates of one or more PEM (or DER) files; a file may hold several. */
    public static TrustAnchors fromPem(Path... files) {
        List<X509Certificate> roots = new ArrayList<>();
        for (Path file : files) {
            roots.addAll(readCertificates(file));
        }
        return new TrustAnchors(roots);
    }

    static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> found = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                found.add((X509Certificate) c);
            }
            if (found.isEmpty()) {
                throw new PkiException(file + ": no certificate found");
            }
            return found;
        } catch (IOException | CertificateException e) {
            throw new PkiException(file + ": cannot read certificates: " + e.getMessage(), e);
        }
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The anchors in the form the JDK PKIX path builder and validator take. */
    public Set<TrustAnchor> toPkix() {
        return certificates.stream().map(c -> new TrustAnchor(c, null))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Subjects of the anchors, for error messages. */
    public String describe() {
        return certificates.stream().map(c -> c.getSubjectX500Principal().getName())
                .collect(Collectors.joining("; ", "[", "]"));
    }

    @Override
    public String toString() {
        return "TrustAnchors" + describe();
    }
}
