package vn.gov.bus.routes.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailAttachment;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.connectors.mail.SmimeCheck;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.pki.CertificateCheck;
import vn.gov.bus.core.pki.CertificateValidator;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.routes.incoming.InboundPackageCheck;
import vn.gov.bus.routes.incoming.InboundVerdict;

/**
 * Decides what a received mail becomes. The sender must be an address the agency directory knows
 * (or the agency an operator chose when accepting it from the quarantine); an S/MIME signature, if
 * there is one, must match the content; a mail carrying a signed edXML package is judged by that
 * package (verified against the trust anchors like one from the axis) and used as it is; any other
 * mail needs at least one attached file and becomes a package built from it.
 */
@Component
public class MailIntake {

    private static final byte[] EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
            .getBytes(StandardCharsets.US_ASCII);

    private final AgencyDirectory directory;
    private final InboundPackageCheck packageCheck;
    private final MailToEdoc converter;
    private final MailChannelSettings settings;
    private final CertificateValidator certificates;

    public MailIntake(AgencyDirectory directory, InboundPackageCheck packageCheck, MailToEdoc converter,
                      MailChannelSettings settings, CertificateValidator certificates) {
        this.certificates = certificates;
        this.directory = directory;
        this.packageCheck = packageCheck;
        this.converter = converter;
        this.settings = settings;
    }

    /**
     * @param chosenSender the agency an operator named when accepting the mail from the quarantine;
     *                     empty for a mail just taken from the mailbox
     */
    public MailVerdict judge(ReceivedMail mail, Instant receivedAt, String mailKey, Optional<Agency> chosenSender) {
        Optional<Agency> sender = chosenSender.isPresent() ? chosenSender : directory.findByMail(mail.fromAddress());
        if (sender.isEmpty()) {
            return MailVerdict.refuse(null, "UNKNOWN_SENDER", mail.fromAddress() == null
                    ? "the mail has no readable From address"
                    : "the sender address " + mail.fromAddress() + " belongs to no agency in the directory");
        }
        String senderId = sender.get().organId();
        boolean operator = chosenSender.isPresent();
        if (mail.smime().outcome() == SmimeCheck.Outcome.BROKEN && !operator) {
            return MailVerdict.refuse(senderId, "BAD_MAIL_SIGNATURE", mail.smime().reason());
        }
        // An intact signature proves only that the mail matches the certificate it carries: the
        // certificate must chain to a trust anchor too (DESIGN rule 5), or the signature means nothing.
        if (mail.smime().outcome() == SmimeCheck.Outcome.INTACT && !operator) {
            CertificateCheck signer = certificates.validate(mail.smime().chain(), receivedAt);
            if (!signer.valid()) {
                return MailVerdict.refuse(senderId, "UNTRUSTED_MAIL_SIGNATURE", "the S/MIME signer "
                        + mail.smime().signer().getSubjectX500Principal().getName() + " is not trusted: "
                        + signer.reason() + ", " + signer.detail());
            }
        }
        Optional<MailAttachment> attachedPackage = mail.documents().stream().filter(MailIntake::looksLikeEdxml)
                .findFirst();
        if (attachedPackage.isPresent()) {
            MailVerdict verdict = judgePackage(attachedPackage.get(), sender.get(), operator);
            if (verdict != null) {
                return verdict;
            }
        }
        if (mail.documents().isEmpty() && !operator) {
            return MailVerdict.refuse(senderId, "NO_USABLE_ATTACHMENT", "the mail carries no attached file (only "
                    + (mail.attachments().isEmpty() ? "text" : "text and inline images")
                    + "): there is no document to register");
        }
        List<Agency> recipients = recipients(mail);
        if (recipients.isEmpty()) {
            return MailVerdict.refuse(senderId, "NO_RECIPIENT", "none of the addressees " + mail.recipients()
                    + " is a local agency's address and bus.mail.incoming.default-recipients names none");
        }
        try {
            EdocPackage built = converter.convert(mail, sender.get(), recipients, receivedAt, mailKey);
            return MailVerdict.accept(built.toBytes(), built, (operator ? "OPERATOR_ACCEPTED" : "MAIL_CONVERTED")
                    + "; from " + mail.fromAddress() + "; " + smimeWords(mail.smime(), !operator));
        } catch (EdxmlException e) {
            return MailVerdict.refuse(senderId, "NOT_CONVERTIBLE", "the mail cannot be made into an edXML package: "
                    + e.getMessage());
        }
    }

    /** The verdict on an attached package, or null when an operator's acceptance should convert the mail instead. */
    private MailVerdict judgePackage(MailAttachment file, Agency sender, boolean operator) {
        InboundVerdict verdict = packageCheck.check(file.data());
        if (verdict.accepted()) {
            EdocPackage parsed = verdict.parsed();
            if (!operator && !sender.organId().equals(parsed.fromOrganId())) {
                return MailVerdict.refuse(sender.organId(), "SENDER_MISMATCH", "the attached package " + file.name()
                        + " is from " + parsed.fromOrganId() + " but the mail comes from " + sender.organId()
                        + " (" + sender.name() + ")");
            }
            return MailVerdict.accept(file.data(), parsed, "MAIL_PACKAGE; " + verdict.verification());
        }
        if (operator) {
            // the operator vouches for the mail: a readable package is used as it is, flagged
            return verdict.parsed() == null ? null : MailVerdict.accept(file.data(), verdict.parsed(),
                    "OPERATOR_ACCEPTED; package was refused as " + verdict.verification());
        }
        return MailVerdict.refuse(sender.organId(), verdict.reasonCode(), "the attached package " + file.name() + ": "
                + verdict.reason());
    }

    /** Local agencies addressed by their own mail address; else the configured default recipients. */
    private List<Agency> recipients(ReceivedMail mail) {
        List<Agency> addressed = new ArrayList<>();
        for (String address : mail.recipients()) {
            directory.findByMail(address).filter(a -> a.channel() == Channel.LOCAL)
                    .filter(a -> addressed.stream().noneMatch(x -> x.organId().equals(a.organId())))
                    .ifPresent(addressed::add);
        }
        if (!addressed.isEmpty()) {
            return addressed;
        }
        List<Agency> defaults = new ArrayList<>();
        for (String organId : settings.defaultRecipients()) {
            directory.find(organId).filter(a -> a.channel() == Channel.LOCAL).ifPresent(defaults::add);
        }
        return defaults;
    }

    private static String smimeWords(SmimeCheck check, boolean chainChecked) {
        return switch (check.outcome()) {
            case NOT_SIGNED -> "no S/MIME signature";
            case INTACT -> "S/MIME valid, signer " + check.signer().getSubjectX500Principal().getName()
                    + (chainChecked ? ", chained to a trust anchor" : " (accepted by an operator; chain not judged)");
            case BROKEN -> "S/MIME broken: " + check.reason();
        };
    }

    /** An XML file in the edXML namespace, whatever its name or declared type. */
    static boolean looksLikeEdxml(MailAttachment file) {
        byte[] data = file.data();
        int start = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            start = 3;
        }
        while (start < data.length && Character.isWhitespace(data[start])) {
            start++;
        }
        if (start >= data.length || data[start] != '<') {
            return false;
        }
        int window = Math.min(data.length, start + 4096);
        outer:
        for (int i = start; i <= window - EDXML_NAMESPACE.length; i++) {
            for (int j = 0; j < EDXML_NAMESPACE.length; j++) {
                if (data[i + j] != EDXML_NAMESPACE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
