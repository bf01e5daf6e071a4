package vn.gov.bus.core.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.gov.bus.core.pki.CertificateCheck;

/**
 * What {@link PackageVerifier} concluded about a package's signature.
 *
 * @param reason             why, in words specific enough for an operator or a partner
 * @param signer             the certificate the signature was made with, when it could be read
 * @param signatureAlgorithm the SignatureMethod URI, when it could be read
 * @param warnings           things accepted under policy that an auditor should know about
 * @param legacyShape        the signature sat in the edXML namespace (reference library quirk)
 * @param certificateReason  for {@link Outcome#UNTRUSTED_CERTIFICATE}, why the certificate was
 *                           rejected; otherwise null
 */
public record VerificationResult(Outcome outcome, String reason, X509Certificate signer, String signatureAlgorithm,
                                 List<String> warnings, boolean legacyShape,
                                 CertificateCheck.Reason certificateReason) {

    public enum Outcome {
        VALID, UNSIGNED, INVALID_SIGNATURE, UNTRUSTED_CERTIFICATE, WEAK_ALGORITHM, MALFORMED_SIGNATURE
    }

    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
