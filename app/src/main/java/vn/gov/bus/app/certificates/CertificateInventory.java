package vn.gov.bus.app.certificates;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.pki.TrustAnchors;

/**
 * Every certificate the bus holds and when it expires: the organisation's signing key and its
 * chain, the HTTPS server key (when {@code server.ssl} is configured), the trust anchors and the
 * configured CRL files. Read at each call, so a replaced file is seen without a restart.
 */
public class CertificateInventory {

    private static final Logger log = LoggerFactory.getLogger(CertificateInventory.class);

    /** Where the TLS key store is, as Spring Boot's {@code server.ssl.*} names it; null when none. */
    public record TlsKeyStore(String location, String type, String password) {
    }

    /** The answer of GET /api/admin/certificates. */
    public record Report(Instant checkedAt, long warningDays, List<CertificateEntry> certificates,
                         List<CrlEntry> crls) {
    }

    private final KeyMaterial signing;
    private final String signingSource;
    private final TrustAnchors anchors;
    private final String anchorsSource;
    private final List<Path> extraAnchors;
    private final List<Path> crlFiles;
    private final TlsKeyStore tls;
    private final CertificateProperties settings;
    private final Clock clock;

    public CertificateInventory(KeyMaterial signing, String signingSource, TrustAnchors anchors, String anchorsSource,
                                List<Path> extraAnchors, List<Path> crlFiles, TlsKeyStore tls,
                                CertificateProperties settings, Clock clock) {
        this.signing = signing;
        this.signingSource = signingSource;
        this.anchors = anchors;
        this.anchorsSource = anchorsSource;
        this.extraAnchors = List.copyOf(extraAnchors);
        this.crlFiles = List.copyOf(crlFiles);
        this.tls = tls;
        this.settings = settings;
        this.clock = clock;
    }

    public Report report() {
        Instant now = clock.instant();
        List<CertificateEntry> entries = new ArrayList<>();
        List<X509Certificate> chain = signing.chain();
        entries.add(CertificateEntry.of("SIGNING", signingSource, chain.get(0), now, settings.expiryWarning()));
        for (X509Certificate issuer : chain.subList(1, chain.size())) {
            entries.add(CertificateEntry.of("SIGNING_CHAIN", signingSource, issuer, now, settings.expiryWarning()));
        }
        if (tls != null) {
            tlsCertificates().forEach(c -> entries.add(
                    CertificateEntry.of("TLS", tls.location(), c, now, settings.expiryWarning())));
        }
        for (X509Certificate anchor : anchors.certificates()) {
            entries.add(CertificateEntry.of("TRUST_ANCHOR", anchorsSource, anchor, now, settings.expiryWarning()));
        }
        for (Path file : extraAnchors) {
            for (X509Certificate anchor : TrustAnchors.fromPem(file).certificates()) {
                entries.add(CertificateEntry.of("EXTRA_TRUST_ANCHOR", file.toString(), anchor, now,
                        settings.expiryWarning()));
            }
        }
        return new Report(now, settings.expiryWarning().toDays(), entries, crls(now));
    }

    /** Writes one WARN per certificate that is expiring or expired (at start and every check interval). */
    public Report logWarnings() {
        Report report = report();
        for (CertificateEntry e : report.certificates()) {
            if (e.needsAttention()) {
                log.warn("certificate {} ({} from {}, serial {}) is {}: not after {}, {} days left; "
                                + "replace it before partners refuse the bus's packages",
                        e.subject(), e.role(), e.source(), e.serial(), e.status(), e.notAfter(), e.daysLeft());
            }
        }
        for (CrlEntry crl : report.crls()) {
            if (!"OK".equals(crl.status())) {
                log.warn("CRL {} of {} is {}: next update was due {}", crl.source(), crl.issuer(), crl.status(),
                        crl.nextUpdate());
            }
        }
        return report;
    }

    private List<X509Certificate> tlsCertificates() {
        try (InputStream in = open(tls.location())) {
            KeyStore store = KeyStore.getInstance(tls.type() == null || tls.type().isBlank() ? "PKCS12" : tls.type());
            store.load(in, tls.password() == null ? null : tls.password().toCharArray());
            List<X509Certificate> found = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    found.add(c);
                }
            }
            return found;
        } catch (Exception e) {
            // the TLS key store is Tomcat's: a failure here is reported, it must not break the listing
            log.warn("cannot read the TLS key store {} to list its certificates: {}", tls.location(), e.toString());
            return List.of();
        }
    }

    private static InputStream open(String location) throws java.io.IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (path.startsWith("classpath:")) {
            InputStream in = CertificateInventory.class.getResourceAsStream("/" + path.substring("classpath:".length())
                    .replaceFirst("^/", ""));
            if (in == null) {
                throw new java.io.FileNotFoundException(location);
            }
            return in;
        }
        return Files.newInputStream(Path.of(path));
    }

    private List<CrlEntry> crls(Instant now) {
        List<CrlEntry> out = new ArrayList<>();
        for (Path file : crlFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    X509CRL x = (X509CRL) crl;
                    Instant next = x.getNextUpdate() == null ? null : x.getNextUpdate().toInstant();
                    out.add(new CrlEntry(file.toString(), x.getIssuerX500Principal().getName(),
                            x.getThisUpdate().toInstant(), next, next != null && now.isAfter(next) ? "STALE" : "OK"));
                }
            } catch (Exception e) {
                out.add(new CrlEntry(file.toString(), null, null, null, "UNREADABLE: " + e.getMessage()));
            }
        }
        return out;
    }

}
