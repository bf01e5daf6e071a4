package vn.gov.bus.core.signing;

import static vn.gov.bus.core.signing.EdxmlSignatureNames.DSIG_NS;
import static vn.gov.bus.core.signing.EdxmlSignatureNames.EDXML_NS;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.gov.bus.core.pki.CertificateCheck;
import vn.gov.bus.core.pki.CertificateValidator;
import vn.gov.bus.core.signing.VerificationResult.Outcome;

/**
 * Verifies the signature of a received edXML package. Accepts the bus's own shape and the
 * reference library's legacy shape (Signature in the edXML namespace), verifying the latter on a
 * copy of the document re-namespaced into XML-DSig; the caller's DOM is never changed.
 *
 * <p>Beyond the cryptography, the verifier checks what the signature covers: exactly one
 * whole-document reference ({@code URI=""}) whose transforms may leave out nothing but the trace
 * headers. A signature that verifies but excludes the subject or the attachments is refused.
 * Santuario runs with secure validation on; the signer's certificate must chain to a configured
 * trust anchor, never to a key carried only in the message.
 */
public final class PackageVerifier {

    private static final Set<String> STRONG_SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512);
    private static final Set<String> SHA1_SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1);
    private static final Set<String> STRONG_DIGESTS = Set.of(
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512);
    private static final String SHA1_DIGEST = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1;
    private static final Set<String> CANONICALISATIONS = Set.of(
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N11_OMIT_COMMENTS, Transforms.TRANSFORM_C14N11_WITH_COMMENTS);
    private static final int MAX_CERTIFICATES = 10;

    /** The bus's exclusion (see {@link PackageSigner}), with prefixes normalised to {@code E:}. */
    private static final Set<String> TRACE_HEADERS_ONLY =
            Set.of("//E:TraceHeaderList/E:TraceHeader", "//E:TraceHeaderList/text()");
    /** Exclusions of the whole TraceHeaderList, as the spec first described it. */
    private static final Set<Set<String>> WHOLE_TRACE_LIST = Set.of(
            Set.of("//E:TraceHeaderList"), Set.of("//*[local-name()='TraceHeaderList']"));
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\-]*):(?=[A-Za-z_*])");

    private final CertificateValidator validator;
    private final VerifierPolicy policy;

    public PackageVerifier(CertificateValidator validator, VerifierPolicy policy) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.policy = Objects.requireNonNull(policy, "policy");
        SantuarioSupport.init();
    }

    /**
     * @param edxml a package parsed with {@link vn.gov.bus.core.xml.SecureXml}; not modified
     * @param at    the time at which the signer's certificate must have been valid
     */
    public VerificationResult verify(Document edxml, Instant at) {
        Element root = edxml.getDocumentElement();
        Optional<Element> header = EdxmlSignatureNames.header(root);
        if (header.isEmpty()) {
            return new Attempt(false).result(Outcome.MALFORMED_SIGNATURE, "not an edXML package: no "
                    + "edXML/edXMLEnvelope/edXMLHeader in namespace " + EDXML_NS + " (root element is "
                    + EdxmlSignatureNames.describe(root) + ")");
        }
        List<Element> signatures = EdxmlSignatureNames.signatures(header.get());
        if (signatures.isEmpty()) {
            return new Attempt(false).result(Outcome.UNSIGNED, "edXMLHeader carries no Signature element");
        }
        boolean legacy = EdxmlSignatureNames.isLegacy(signatures.get(0));
        Attempt attempt = new Attempt(legacy);
        if (signatures.size() > 1) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE,
                    "edXMLHeader carries " + signatures.size() + " Signature elements; exactly one is expected");
        }
        Document copy = (Document) edxml.cloneNode(true);
        Element signature = EdxmlSignatureNames.signatures(
                EdxmlSignatureNames.header(copy.getDocumentElement()).orElseThrow()).get(0);
        if (legacy) {
            attempt.warnings.add("legacy signature shape: the Signature element is in namespace "
                    + signature.getNamespaceURI() + " instead of " + DSIG_NS
                    + " (reference library quirk); verified after moving it into the XML-DSig namespace");
            SantuarioSupport.moveNamespace(signature, EDXML_NS, true, DSIG_NS, "", true);
        }
        try {
            return verify(new XMLSignature(signature, "", true), attempt, at);
        } catch (XMLSecurityException e) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "cannot read the Signature: " + e.getMessage());
        }
    }

    private VerificationResult verify(XMLSignature signature, Attempt attempt, Instant at)
            throws XMLSecurityException {
        SignedInfo signedInfo = signature.getSignedInfo();
        attempt.algorithm = signedInfo.getSignatureMethodURI();
        if (!CANONICALISATIONS.contains(signedInfo.getCanonicalizationMethodURI())) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "SignedInfo canonicalisation method "
                    + signedInfo.getCanonicalizationMethodURI() + " is not accepted");
        }
        Optional<String> weak = checkAlgorithm(attempt.algorithm, SHA1_SIGNATURE_METHODS,
                STRONG_SIGNATURE_METHODS, "signature algorithm", attempt);
        if (weak.isPresent()) {
            return attempt.result(Outcome.WEAK_ALGORITHM, weak.get());
        }
        if (signedInfo.getLength() != 1) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "SignedInfo has " + signedInfo.getLength()
                    + " references; exactly one whole-document reference (URI=\"\") is expected");
        }
        Reference reference = signedInfo.item(0);
        if (!"".equals(reference.getURI())) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "reference URI=\"" + reference.getURI()
                    + "\" does not cover the whole package; only URI=\"\" is accepted");
        }
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        weak = checkAlgorithm(digest, Set.of(SHA1_DIGEST), STRONG_DIGESTS, "digest algorithm", attempt);
        if (weak.isPresent()) {
            return attempt.result(Outcome.WEAK_ALGORITHM, weak.get());
        }
        Optional<String> coverage = checkCoverage(reference.getTransforms(), attempt);
        if (coverage.isPresent()) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, coverage.get());
        }

        List<X509Certificate> certificates;
        try {
            certificates = certificates(signature.getKeyInfo());
        } catch (XMLSecurityException e) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "a certificate in KeyInfo cannot be decoded: "
                    + e.getMessage());
        }
        if (certificates.isEmpty()) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE,
                    "KeyInfo carries no X509Certificate: the signer's certificate is required");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "KeyInfo carries " + certificates.size()
                    + " certificates; at most " + MAX_CERTIFICATES + " are accepted");
        }
        X509Certificate signer = endEntity(certificates);
        attempt.signer = signer;

        boolean matches;
        try {
            matches = signature.checkSignatureValue(signer);
        } catch (XMLSecurityException e) {
            return attempt.result(Outcome.MALFORMED_SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        }
        if (!matches) {
            return attempt.result(Outcome.INVALID_SIGNATURE, explainMismatch(reference, attempt.legacy));
        }

        List<X509Certificate> chain = new ArrayList<>();
        chain.add(signer);
        certificates.stream().filter(c -> c != signer).forEach(chain::add);
        CertificateCheck check = validator.validate(chain, at);
        if (!check.valid()) {
            attempt.certificateReason = check.reason();
            return attempt.result(Outcome.UNTRUSTED_CERTIFICATE, check.detail());
        }
        return attempt.result(Outcome.VALID, "signature valid, signed by '"
                + signer.getSubjectX500Principal().getName() + "'; " + check.detail());
    }

    private Optional<String> checkAlgorithm(String uri, Set<String> sha1, Set<String> strong, String what,
                                            Attempt attempt) {
        if (sha1.contains(uri)) {
            if (!policy.allowSha1()) {
                return Optional.of(what + " " + uri + " uses SHA-1, which is refused (SHA-1 is accepted only "
                        + "when the verifier policy allows it)");
            }
            attempt.warnings.add(what + " " + uri + " uses SHA-1; accepted because the policy allows SHA-1");
            return Optional.empty();
        }
        if (!strong.contains(uri)) {
            return Optional.of(what + " " + uri + " is not accepted");
        }
        return Optional.empty();
    }

    /**
     * Only these transforms may appear: enveloped-signature, an XPath Filter 2.0 subtracting the
     * trace headers, and a canonicalisation as the last step. Anything else could make a
     * signature "verify" while covering less than the package.
     */
    private Optional<String> checkCoverage(Transforms transforms, Attempt attempt) throws XMLSecurityException {
        int count = transforms == null ? 0 : transforms.getLength();
        boolean enveloped = false;
        for (int i = 0; i < count; i++) {
            Transform t = transforms.item(i);
            String uri = t.getURI();
            if (Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri)) {
                enveloped = true;
            } else if (CANONICALISATIONS.contains(uri)) {
                if (i != count - 1) {
                    return Optional.of("canonicalisation transform " + uri + " must be the last transform");
                }
            } else if (Transforms.TRANSFORM_XPATH2FILTER.equals(uri)) {
                Optional<String> problem = checkTraceExclusion(t.getElement(), attempt);
                if (problem.isPresent()) {
                    return problem;
                }
            } else {
                return Optional.of("reference transform " + uri + " is not accepted: only enveloped-signature, "
                        + "an XPath Filter 2.0 excluding the trace headers and canonicalisation are");
            }
        }
        if (!enveloped) {
            return Optional.of("reference lacks the enveloped-signature transform");
        }
        return Optional.empty();
    }

    private Optional<String> checkTraceExclusion(Element transform, Attempt attempt) {
        for (Node n = transform.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element xpath)) {
                continue;
            }
            if (!XPath2FilterContainer.XPathFilter2NS.equals(xpath.getNamespaceURI())
                    || !"XPath".equals(xpath.getLocalName())) {
                return Optional.of("unexpected element " + EdxmlSignatureNames.describe(xpath)
                        + " in the XPath Filter 2.0 transform");
            }
            String filter = xpath.getAttributeNS(null, "Filter");
            String expression = xpath.getTextContent();
            Optional<Set<String>> normalised = normalise(expression, xpath);
            if (!XPath2FilterContainer.SUBTRACT.equals(filter) || normalised.isEmpty()) {
                return Optional.of("XPath Filter 2.0 '" + filter + "' of \"" + expression.strip()
                        + "\" is not accepted: the only exclusion allowed is the trace headers");
            }
            if (WHOLE_TRACE_LIST.contains(normalised.get())) {
                attempt.warnings.add("the signature excludes the whole TraceHeaderList, so its Bussiness block "
                        + "(document type: new, revoke, update, replace) is not covered by the signature");
            } else if (!TRACE_HEADERS_ONLY.equals(normalised.get())) {
                return Optional.of("XPath Filter 2.0 subtract of \"" + expression.strip()
                        + "\" is not accepted: the only exclusion allowed is the trace headers");
            }
        }
        return Optional.empty();
    }

    /** Splits a union into its parts, without whitespace, with every edXML prefix written {@code E:}. */
    private static Optional<Set<String>> normalise(String expression, Element context) {
        String compact = expression.replaceAll("\\s+", "").replace('"', '\'');
        Matcher m = PREFIX.matcher(compact);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!EDXML_NS.equals(context.lookupNamespaceURI(m.group(1)))) {
                return Optional.empty();
            }
            m.appendReplacement(out, "E:");
        }
        m.appendTail(out);
        return Optional.of(new HashSet<>(Arrays.asList(out.toString().split("\\|"))));
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) throws XMLSecurityException {
        List<X509Certificate> found = new ArrayList<>();
        if (keyInfo == null) {
            return found;
        }
        for (int i = 0; i < keyInfo.lengthX509Data(); i++) {
            X509Data data = keyInfo.itemX509Data(i);
            for (int j = 0; j < data.lengthCertificate(); j++) {
                found.add(data.itemCertificate(j).getX509Certificate());
            }
        }
        return found;
    }

    /** The certificate that issued none of the others; the first such one when the set is ambiguous. */
    private static X509Certificate endEntity(List<X509Certificate> certificates) {
        for (X509Certificate candidate : certificates) {
            boolean issuesAnother = certificates.stream().anyMatch(other -> other != candidate
                    && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())
                    && !other.getSubjectX500Principal().equals(other.getIssuerX500Principal()));
            if (!issuesAnother) {
                return candidate;
            }
        }
        return certificates.get(0);
    }

    private static String explainMismatch(Reference reference, boolean legacy) {
        boolean digestMatches;
        try {
            digestMatches = reference.verify();
        } catch (XMLSecurityException e) {
            return "the signed content cannot be recomputed: " + e.getMessage();
        }
        if (!digestMatches) {
            return "reference digest mismatch: the signed content was changed after signing"
                    + (legacy ? " (a legacy whole-document signature also covers TraceHeaderList, so a TraceHeader "
                    + "appended by a relay after signing is enough to break it)" : "");
        }
        return "signature value mismatch: SignedInfo was altered, or the signature was not made with the key of "
                + "the certificate in KeyInfo";
    }

    /** What is known so far about one verification, to report with any outcome. */
    private static final class Attempt {
        private final boolean legacy;
        private final List<String> warnings = new ArrayList<>();
        private X509Certificate signer;
        private String algorithm;
        private CertificateCheck.Reason certificateReason;

        Attempt(boolean legacy) {
            this.legacy = legacy;
        }

        VerificationResult result(Outcome outcome, String reason) {
            return new VerificationResult(outcome, reason, signer, algorithm, warnings, legacy, certificateReason);
        }
    }
}
