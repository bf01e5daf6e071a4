package vn.gov.bus.connectors.mail;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a mail body as S/MIME {@code multipart/signed} (RFC 8551, detached CMS SignedData,
 * SHA-256 with RSA) with the organisation's key, carrying the certificate chain so that any
 * S/MIME client (Thunderbird, Outlook) or {@code openssl smime -verify} can check it.
 */
public final class SmimeSigner {

    /** A private instance: registering BouncyCastle globally would change other code's providers. */
    static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public SmimeSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signing certificate chain is empty");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The multipart/signed wrapping {@code content}; content is signed as it is now. */
    public MimeMultipart sign(MimeBodyPart content) {
        try {
            SMIMESignedGenerator generator = new SMIMESignedGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                    .build("SHA256withRSA", key, chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(content);
        } catch (OperatorCreationException | CertificateEncodingException | SMIMEException e) {
            throw new IllegalStateException("cannot sign the mail with " + chain.get(0).getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }

}
