package vn.gov.bus.core.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for development and tests: it issues CA, signer and deliberately
 * faulty certificates (expired, not yet valid, without a signing key usage) and CRLs, so that
 * every rejection path of the validator can be exercised with real certificates. Nothing it
 * issues is trusted by anyone but a bus configured with its root.
 */
public final class DevCertificateAuthority {

    /** Key usages an end-entity certificate may be issued with. */
    public enum Usage { DIGITAL_SIGNATURE, NON_REPUDIATION, KEY_ENCIPHERMENT }

    /** What an end-entity certificate is issued for. {@code organisationalUnit}/{@code organisation} may be null. */
    public record EndEntity(String commonName, String organisationalUnit, String organisation, int keyBits,
                            Instant notBefore, Instant notAfter, Set<Usage> usages) {

        public EndEntity {
            usages = Set.copyOf(usages);
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
            }
        }

        /** A signing certificate valid from a day ago for a year, RSA 2048. */
        public static EndEntity signer(String commonName) {
            Instant now = Instant.now();
            return new EndEntity(commonName, null, null, 2048, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(365)), EnumSet.of(Usage.DIGITAL_SIGNATURE, Usage.NON_REPUDIATION));
        }

        public EndEntity validity(Instant from, Instant to) {
            return new EndEntity(commonName, organisationalUnit, organisation, keyBits, from, to, usages);
        }

        public EndEntity usages(Set<Usage> newUsages) {
            return new EndEntity(commonName, organisationalUnit, organisation, keyBits, notBefore, notAfter,
                    newUsages);
        }
    }

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong crlNumber = new AtomicLong();

    private DevCertificateAuthority(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** Wraps an existing CA key and its chain (CA certificate first, root last). */
    public static DevCertificateAuthority of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new DevCertificateAuthority(privateKey, chain);
    }

    /**
     * A self-signed root, RSA 2048, valid from a year ago for ten years (back-dated so that
     * certificates which expired in the past can still chain to it).
     */
    public static DevCertificateAuthority newRoot(String commonName) {
        Instant now = Instant.now();
        return newRoot(commonName, 2048, now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
    }

    public static DevCertificateAuthority newRoot(String commonName, int keyBits, Instant notBefore,
                                                  Instant notAfter) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = generateKeys(keyBits, random);
        X500Name subject = name(commonName, null, null);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate root = toCertificate(builder.build(signer(keys.getPrivate())));
            return new DevCertificateAuthority(keys.getPrivate(), List.of(root));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot issue root certificate '" + commonName + "': " + e.getMessage(), e);
        }
    }

    /** An intermediate CA (path length 0: it may issue only end-entity certificates), RSA 2048, five years. */
    public DevCertificateAuthority newIntermediate(String commonName) {
        Instant now = Instant.now();
        Instant from = certificate().getNotBefore().toInstant();
        return newIntermediate(commonName, 2048, from, now.plus(Duration.ofDays(5 * 365)));
    }

    public DevCertificateAuthority newIntermediate(String commonName, int keyBits, Instant notBefore,
                                                   Instant notAfter) {
        KeyPair keys = generateKeys(keyBits, random);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), serial(random),
                    Date.from(notBefore), Date.from(notAfter), name(commonName, null, null), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate()));
            X509Certificate issued = toCertificate(builder.build(signer(privateKey)));
            List<X509Certificate> newChain = new ArrayList<>();
            newChain.add(issued);
            newChain.addAll(chain);
            return new DevCertificateAuthority(keys.getPrivate(), newChain);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot issue intermediate certificate '" + commonName + "': " + e.getMessage(), e);
        }
    }

    /** Issues an end-entity certificate; the returned chain runs from it up to the root. */
    public KeyMaterial issue(EndEntity request) {
        KeyPair keys = generateKeys(request.keyBits(), random);
        int usageBits = 0;
        for (Usage u : request.usages()) {
            usageBits |= switch (u) {
                case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
                case NON_REPUDIATION -> KeyUsage.nonRepudiation;
                case KEY_ENCIPHERMENT -> KeyUsage.keyEncipherment;
            };
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), serial(random),
                    Date.from(request.notBefore()), Date.from(request.notAfter()),
                    name(request.commonName(), request.organisationalUnit(), request.organisation()),
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate()));
            if (usageBits != 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usageBits));
            }
            List<X509Certificate> newChain = new ArrayList<>();
            newChain.add(toCertificate(builder.build(signer(privateKey))));
            newChain.addAll(chain);
            return new KeyMaterial(keys.getPrivate(), newChain);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot issue certificate '" + request.commonName() + "': " + e.getMessage(), e);
        }
    }

    /** A valid signing certificate (digitalSignature + nonRepudiation, one year). */
    public KeyMaterial issueSigner(String commonName) {
        return issue(EndEntity.signer(commonName));
    }

    /** A signing certificate whose validity ended a month ago. */
    public KeyMaterial issueExpired(String commonName) {
        Instant now = Instant.now();
        return issue(EndEntity.signer(commonName)
                .validity(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(30))));
    }

    /** A signing certificate whose validity starts in a month. */
    public KeyMaterial issueNotYetValid(String commonName) {
        Instant now = Instant.now();
        return issue(EndEntity.signer(commonName)
                .validity(now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(400))));
    }

    /** A certificate for encryption only (keyEncipherment): it must not be accepted for signatures. */
    public KeyMaterial issueWithoutSigningUsage(String commonName) {
        return issue(EndEntity.signer(commonName).usages(EnumSet.of(Usage.KEY_ENCIPHERMENT)));
    }

    /**
     * A CRL of this CA listing the given certificates as revoked (key compromise) a minute ago,
     * valid for seven days.
     */
    public X509CRL issueCrl(List<X509Certificate> revoked) {
        Instant now = Instant.now();
        Date revokedAt = Date.from(now.minus(Duration.ofMinutes(1)));
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    new X509CertificateHolder(certificate().getEncoded()).getSubject(), revokedAt);
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (X509Certificate c : revoked) {
                builder.addCRLEntry(c.getSerialNumber(), revokedAt, CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            X509CRLHolder holder = builder.build(signer(privateKey));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new PkiException("cannot issue CRL: " + e.getMessage(), e);
        }
    }

    /** This CA's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** This CA's certificate followed by its issuers, root last. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The self-signed root this CA chains to. */
    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Builds a DN in ASN.1 order C, O, OU, CN; BCStyle encodes the values as UTF8String (Vietnamese text). */
    static X500Name name(String commonName, String organisationalUnit, String organisation) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (organisation != null) {
            b.addRDN(BCStyle.O, organisation);
        }
        if (organisationalUnit != null) {
            b.addRDN(BCStyle.OU, organisationalUnit);
        }
        return b.addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair generateKeys(int bits, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate RSA " + bits + " key: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new PkiException("cannot create " + SIGNATURE_ALGORITHM + " signer: " + e.getMessage(), e);
        }
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
