package vn.gov.bus.core.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides whether a certificate taken from a message may be believed: a path must be built from
 * it to one of the configured {@link TrustAnchors} (the certificates in the message only help to
 * find the path; a root shipped inside the message is never trusted), every certificate on it
 * must be valid at the given time and not revoked by an available CRL, and the end-entity must be
 * allowed to sign (keyUsage digitalSignature or nonRepudiation).
 *
 * <p>Revocation: the bus cannot reach the CAs' distribution points or OCSP responders from a
 * closed government network, so it checks only the CRLs its {@link CrlSource} provides; a
 * certificate whose issuer has no current CRL there is accepted and the detail says so.
 */
public final class CertificateValidator {

    private final TrustAnchors anchors;
    private final CrlSource crls;

    public CertificateValidator(TrustAnchors anchors, CrlSource crls) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    public TrustAnchors anchors() {
        return anchors;
    }

    /**
     * @param chainFromMessage the signer's certificate first, then any other certificates the
     *                         message carried (intermediates, possibly a root), in any order
     * @param at               the time at which the certificates must be valid
     */
    public CertificateCheck validate(List<X509Certificate> chainFromMessage, Instant at) {
        if (chainFromMessage == null || chainFromMessage.isEmpty()
                || chainFromMessage.stream().anyMatch(Objects::isNull)) {
            return CertificateCheck.rejected(CertificateCheck.Reason.MALFORMED,
                    "no signer certificate was supplied");
        }
        X509Certificate leaf = chainFromMessage.get(0);
        PathSearch search = buildPath(leaf, chainFromMessage, at);
        // A path that cannot be built at time `at` may still exist at another time: find it, so
        // the validator below can say precisely which certificate has expired or is not yet valid.
        if (search.path == null) {
            for (Instant other : List.of(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant())) {
                PathSearch retry = buildPath(leaf, chainFromMessage, other);
                if (retry.path != null) {
                    search = retry;
                    break;
                }
            }
        }
        if (search.path == null) {
            return CertificateCheck.rejected(CertificateCheck.Reason.UNTRUSTED_ROOT,
                    "no certification path from " + subject(leaf) + " (issued by "
                            + leaf.getIssuerX500Principal().getName() + ") to a configured trust anchor "
                            + anchors.describe() + ": " + search.failure);
        }
        CertificateCheck pathCheck = validatePath(search.path, at);
        if (!pathCheck.valid()) {
            return pathCheck;
        }
        return checkSigningUsage(leaf, pathCheck.detail());
    }

    private record PathSearch(CertPath path, String failure) {
    }

    private PathSearch buildPath(X509Certificate leaf, List<X509Certificate> certificates, Instant date) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors.toPkix(), target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(date));
            params.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(certificates)));
            PKIXCertPathBuilderResult result =
                    (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            return new PathSearch(result.getCertPath(), null);
        } catch (CertPathBuilderException e) {
            return new PathSearch(null, String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw new PkiException("PKIX path builder unavailable: " + e.getMessage(), e);
        }
    }

    private CertificateCheck validatePath(CertPath path, Instant at) {
        @SuppressWarnings("unchecked")
        List<X509Certificate> certs = (List<X509Certificate>) path.getCertificates();
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters params = new PKIXParameters(anchors.toPkix());
            params.setDate(Date.from(at));
            if (crls.enabled()) {
                params.addCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(crls.crls())));
                PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
                // CRLs only, and an issuer without a CRL here is not a rejection (see class comment).
                revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.SOFT_FAIL));
                params.addCertPathChecker(revocation);
                params.setRevocationEnabled(true);
            } else {
                params.setRevocationEnabled(false);
            }
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) validator.validate(path, params);
            return CertificateCheck.ok("path " + certs.stream().map(c -> c.getSubjectX500Principal().getName())
                    .collect(Collectors.joining(" <- ")) + " <- trust anchor "
                    + result.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getName()
                    + "; revocation: " + revocationNote(certs, at));
        } catch (CertPathValidatorException e) {
            return explain(e, certs, at);
        } catch (GeneralSecurityException e) {
            throw new PkiException("PKIX validator unavailable: " + e.getMessage(), e);
        }
    }

    private String revocationNote(List<X509Certificate> certs, Instant at) {
        if (!crls.enabled()) {
            return "not checked (no CRL source configured)";
        }
        List<String> unchecked = new ArrayList<>();
        for (X509Certificate c : certs) {
            if (!hasCurrentCrl(c, at)) {
                unchecked.add(c.getSubjectX500Principal().getName());
            }
        }
        return unchecked.isEmpty() ? "checked against CRLs"
                : "no current CRL for the issuer of " + String.join(", ", unchecked) + " (not checked)";
    }

    private boolean hasCurrentCrl(X509Certificate c, Instant at) {
        Date when = Date.from(at);
        for (X509CRL crl : crls.crls()) {
            if (crl.getIssuerX500Principal().equals(c.getIssuerX500Principal())
                    && !crl.getThisUpdate().after(when)
                    && (crl.getNextUpdate() == null || !crl.getNextUpdate().before(when))) {
                return true;
            }
        }
        return false;
    }

    private CertificateCheck explain(CertPathValidatorException e, List<X509Certificate> certs, Instant at) {
        int index = e.getIndex();
        X509Certificate cert = index >= 0 && index < certs.size() ? certs.get(index) : certs.get(0);
        String who = subject(cert);
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return CertificateCheck.rejected(CertificateCheck.Reason.EXPIRED,
                    who + " expired on " + cert.getNotAfter().toInstant() + " (validation time " + at + ")");
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return CertificateCheck.rejected(CertificateCheck.Reason.NOT_YET_VALID,
                    who + " is not valid before " + cert.getNotBefore().toInstant() + " (validation time " + at + ")");
        }
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            String how = e.getCause() instanceof CertificateRevokedException revoked
                    ? " on " + revoked.getRevocationDate().toInstant() + ", reason " + revoked.getRevocationReason()
                    + ", by CRL of " + revoked.getAuthorityName().getName()
                    : "";
            return CertificateCheck.rejected(CertificateCheck.Reason.REVOKED,
                    who + " (serial " + cert.getSerialNumber().toString(16) + ") was revoked" + how);
        }
        if (reason == PKIXReason.INVALID_KEY_USAGE) {
            return CertificateCheck.rejected(CertificateCheck.Reason.BAD_KEY_USAGE,
                    who + " is used as a CA but its keyUsage does not allow certificate signing");
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR
                || reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return CertificateCheck.rejected(CertificateCheck.Reason.UNTRUSTED_ROOT,
                    who + " does not chain to a configured trust anchor " + anchors.describe() + ": "
                            + e.getMessage());
        }
        return CertificateCheck.rejected(CertificateCheck.Reason.MALFORMED,
                "certification path rejected at " + who + ": " + e.getMessage());
    }

    private static CertificateCheck checkSigningUsage(X509Certificate leaf, String pathDetail) {
        boolean[] usage = leaf.getKeyUsage();
        // RFC 5280 4.2.1.3: without the extension the key is not restricted.
        if (usage == null || usage[0] || (usage.length > 1 && usage[1])) {
            return CertificateCheck.ok(pathDetail);
        }
        return CertificateCheck.rejected(CertificateCheck.Reason.BAD_KEY_USAGE,
                subject(leaf) + " has keyUsage " + describeUsage(usage)
                        + ", neither digitalSignature nor nonRepudiation: it may not sign documents");
    }

    private static final String[] USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private static String describeUsage(boolean[] usage) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < usage.length && i < USAGE_NAMES.length; i++) {
            if (usage[i]) {
                names.add(USAGE_NAMES[i]);
            }
        }
        return names.toString();
    }

    private static String subject(X509Certificate c) {
        return "certificate '" + c.getSubjectX500Principal().getName() + "'";
    }
}
