package vn.gov.bus.core.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the validator gets certificate revocation lists. {@link #none()} switches revocation
 * checking off; any other source switches it on for the certificates whose issuer it has a CRL
 * for (a certificate whose issuer has no current CRL here is not rejected for that reason: the
 * bus has no network path to the CAs' distribution points, see {@link CertificateValidator}).
 */
public interface CrlSource {

    /** The CRLs to consult now. */
    List<X509CRL> crls();

    /** Whether revocation is checked at all. */
    default boolean enabled() {
        return true;
    }

    static CrlSource none() {
        return new CrlSource() {
            @Override
            public List<X509CRL> crls() {
                return List.of();
            }

            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public String toString() {
                return "CrlSource.none";
            }
        };
    }

    static CrlSource of(X509CRL... crls) {
        List<X509CRL> fixed = List.of(crls);
        return () -> fixed;
    }

    /**
     * CRLs read once from PEM or DER files (a file may hold several). To pick up a newer CRL,
     * build a new source.
     */
    static CrlSource fromFiles(Path... files) {
        List<X509CRL> loaded = new ArrayList<>();
        for (Path file : files) {
            int before = loaded.size();
            try (InputStream in = Files.newInputStream(file)) {
                for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    loaded.add((X509CRL) crl);
                }
            } catch (IOException | CertificateException | CRLException e) {
                throw new PkiException(file + ": cannot read CRL: " + e.getMessage(), e);
            }
            if (loaded.size() == before) {
                throw new PkiException(file + ": no CRL found");
            }
        }
        List<X509CRL> fixed = List.copyOf(loaded);
        return () -> fixed;
    }
}
