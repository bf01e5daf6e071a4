package vn.gov.bus.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.operator.OperatorCreationException;

/** Checks the integrity of an S/MIME multipart/signed: digest of the content and the signature. */
public final class SmimeVerifier {

    public SmimeCheck verify(MimeMultipart signed) {
        try {
            SMIMESigned smime = new SMIMESigned(signed);
            Collection<SignerInformation> signers = smime.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return new SmimeCheck(SmimeCheck.Outcome.BROKEN, "the S/MIME signature has no signer", List.of());
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(SmimeSigner.BC);
            List<X509Certificate> chain = new ArrayList<>();
            for (SignerInformation signer : signers) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = smime.getCertificates().getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    return new SmimeCheck(SmimeCheck.Outcome.BROKEN,
                            "the S/MIME signature does not carry its signer's certificate", List.of());
                }
                X509CertificateHolder holder = matches.iterator().next();
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(SmimeSigner.BC).build(holder))) {
                    return new SmimeCheck(SmimeCheck.Outcome.BROKEN, "the S/MIME signature of "
                            + holder.getSubject() + " does not match the mail's content", List.of());
                }
                if (chain.isEmpty()) {
                    chain.add(converter.getCertificate(holder));
                }
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = smime.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                X509Certificate c = converter.getCertificate(holder);
                if (!c.equals(chain.get(0))) {
                    chain.add(c);
                }
            }
            return new SmimeCheck(SmimeCheck.Outcome.INTACT, "the S/MIME signature of "
                    + chain.get(0).getSubjectX500Principal().getName() + " matches the mail's content", chain);
        } catch (CMSException e) {
            // a changed content makes the digest comparison fail inside verify()
            return new SmimeCheck(SmimeCheck.Outcome.BROKEN, "the S/MIME signature does not verify: "
                    + e.getMessage(), List.of());
        } catch (MessagingException | OperatorCreationException | CertificateException | RuntimeException e) {
            return new SmimeCheck(SmimeCheck.Outcome.BROKEN, "the S/MIME signature cannot be read: "
                    + e.getMessage(), List.of());
        }
    }
}
