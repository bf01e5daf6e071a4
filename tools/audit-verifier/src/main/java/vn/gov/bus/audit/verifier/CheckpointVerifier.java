package vn.gov.bus.audit.verifier;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Checks one checkpoint: the CMS signature over the statement (with the certificate carried in it,
 * chained by PKIX to the trust anchors, valid at the statement's time), and, when present, the
 * RFC 3161 timestamp token whose message imprint must be the SHA-256 of the CMS bytes.
 */
public final class CheckpointVerifier {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final Set<TrustAnchor> anchors;

    public CheckpointVerifier(Collection<X509Certificate> anchors) {
        this.anchors = new HashSet<>();
        anchors.forEach(a -> this.anchors.add(new TrustAnchor(a, null)));
    }

    /** What a verified checkpoint says, and who signed and timestamped it. */
    public record Verified(CheckpointStatement statement, String signer, Instant timestamp, String tsa) {
    }

    /** @throws CheckpointException with the reason when anything does not hold */
    public Verified verify(byte[] cms, byte[] timestampToken) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(cms);
        } catch (CMSException | RuntimeException e) {
            throw new CheckpointException("the signature file is not CMS SignedData: " + e.getMessage());
        }
        if (signed.getSignedContent() == null) {
            throw new CheckpointException("the CMS signature does not carry the signed statement");
        }
        CheckpointStatement statement;
        try {
            statement = CheckpointStatement.parse((byte[]) signed.getSignedContent().getContent());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage());
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new CheckpointException("expected one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        X509Certificate certificate = certificateOf(signed, signer.getSID());
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate))) {
                throw new CheckpointException("the CMS signature does not verify with the signer's certificate "
                        + certificate.getSubjectX500Principal().getName());
            }
        } catch (CMSException | OperatorCreationException e) {
            throw new CheckpointException("the CMS signature does not verify: " + e.getMessage());
        }
        Instant at;
        try {
            at = Instant.parse(statement.time());
        } catch (RuntimeException e) {
            throw new CheckpointException("the statement's time '" + statement.time() + "' is not an instant");
        }
        checkPath(certificate, certificates(signed), at, "signing");

        Instant stampedAt = null;
        String tsa = null;
        if (timestampToken != null) {
            TimeStampToken token;
            try {
                token = new TimeStampToken(new CMSSignedData(timestampToken));
            } catch (CMSException | TSPException | java.io.IOException | RuntimeException e) {
                throw new CheckpointException("the timestamp token is not RFC 3161: " + e.getMessage());
            }
            if (!NISTObjectIdentifiers.id_sha256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())) {
                throw new CheckpointException("the timestamp's imprint is not SHA-256");
            }
            if (!MessageDigest.isEqual(Digests.sha256(cms), token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new CheckpointException("the timestamp is not of this checkpoint's signature (imprint differs)");
            }
            X509Certificate tsaCertificate = certificateOf(token.getCertificates(), token.getSID());
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsaCertificate));
            } catch (TSPException | OperatorCreationException e) {
                throw new CheckpointException("the timestamp's signature does not verify: " + e.getMessage());
            }
            stampedAt = token.getTimeStampInfo().getGenTime().toInstant();
            checkPath(tsaCertificate, convert(token.getCertificates().getMatches(null)), stampedAt, "timestamp");
            tsa = tsaCertificate.getSubjectX500Principal().getName();
        }
        return new Verified(statement, certificate.getSubjectX500Principal().getName(), stampedAt, tsa);
    }

    private void checkPath(X509Certificate leaf, List<X509Certificate> pool, Instant at, String what) {
        if (anchors.isEmpty()) {
            throw new CheckpointException("no trust anchor to check the " + what + " certificate against");
        }
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = leaf;
        path.add(current);
        // follow issuers through the carried certificates until one is issued by an anchor
        while (!issuedByAnchor(current) && path.size() < 10) {
            X509Certificate issuer = null;
            for (X509Certificate c : pool) {
                if (!c.equals(current) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            if (isAnchor(issuer)) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new CheckpointException("the " + what + " certificate " + leaf.getSubjectX500Principal().getName()
                    + " does not chain to a trust anchor at " + at + ": " + e.getMessage());
        }
    }

    private boolean issuedByAnchor(X509Certificate c) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().getSubjectX500Principal()
                .equals(c.getIssuerX500Principal()));
    }

    private boolean isAnchor(X509Certificate c) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c));
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate certificateOf(CMSSignedData signed, org.bouncycastle.cms.SignerId id) {
        return certificateOf(signed.getCertificates(), id);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static X509Certificate certificateOf(org.bouncycastle.util.Store store, Selector id) {
        Collection<X509CertificateHolder> matches = store.getMatches(id);
        if (matches.isEmpty()) {
            throw new CheckpointException("the signer's certificate is not carried in the signature");
        }
        return convert(matches).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(CMSSignedData signed) {
        return convert(signed.getCertificates().getMatches(null));
    }

    private static List<X509Certificate> convert(Collection<?> holders) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object h : holders) {
            try {
                out.add(converter.getCertificate((X509CertificateHolder) h));
            } catch (java.security.cert.CertificateException e) {
                throw new CheckpointException("a carried certificate cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    /** A checkpoint that does not verify, with the reason. */
    public static final class CheckpointException extends RuntimeException {
        public CheckpointException(String message) {
            super(message);
        }
    }
}
