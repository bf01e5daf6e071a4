package vn.gov.bus.connectors.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the MIME message of an {@link OfficialMail}: {@code multipart/mixed} of a UTF-8 text body
 * and the files, wrapped in an S/MIME {@code multipart/signed}.
 *
 * <p>Encodings, for the clients Vietnamese agencies use: the subject and display names as RFC 2047
 * encoded words (base64 of UTF-8: Vietnamese is mostly non-ASCII, so "B" is shorter than "Q");
 * file names as RFC 2231 {@code filename*=UTF-8''…} (Jakarta Mail's default with
 * {@code mail.mime.encodeparameters}); every leaf part with an explicit 7-bit transfer encoding,
 * so no relay re-encodes what the signature covers.
 */
public final class MailComposer {

    private final Session session;
    private final SmimeSigner signer;

    public MailComposer(SmimeSigner signer) {
        Properties props = new Properties();
        props.setProperty("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(props);
        this.signer = signer;
    }

    public MimeMessage compose(OfficialMail mail) {
        try {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(mail.body(), "UTF-8", "plain");
            body.setHeader("Content-Transfer-Encoding", "quoted-printable");
            mixed.addBodyPart(body);
            int index = 0;
            for (MailAttachment file : mail.attachments()) {
                index++;
                MimeBodyPart part = new MimeBodyPart();
                String type = HeaderValues.singleLine("Content-Type of attachment " + index, file.contentType());
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.data(), type)));
                part.setFileName(HeaderValues.singleLine("file name of attachment " + index, file.name()));
                part.setDisposition(Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            MimeBodyPart content = new MimeBodyPart();
            content.setContent(mixed);
            // the signature covers the content's headers too: fix them before signing
            content.setHeader("Content-Type", mixed.getContentType());
            MimeMultipart signed = signer.sign(content);

            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setFrom(address("From", mail.fromAddress(), mail.fromName()));
            message.setRecipient(MimeMessage.RecipientType.TO, address("To", mail.toAddress(), mail.toName()));
            message.setSubject(HeaderValues.singleLine("Subject", mail.subject()), "UTF-8");
            message.setSentDate(Date.from(mail.sentAt()));
            for (Map.Entry<String, String> header : mail.busHeaders().entrySet()) {
                String name = HeaderValues.singleLine("header name", header.getKey());
                if (!name.startsWith("X-Bus-")) {
                    throw new IllegalArgumentException("only X-Bus-* headers may be added, not " + name);
                }
                String value = HeaderValues.singleLine(name, header.getValue());
                message.setHeader(name, MimeUtility.fold(name.length() + 2,
                        MimeUtility.encodeText(value, "UTF-8", "B")));
            }
            message.setContent(signed, signed.getContentType());
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static InternetAddress address(String field, String address, String name)
            throws UnsupportedEncodingException {
        HeaderValues.singleLine(field + " address", address);
        HeaderValues.singleLine(field + " name", name);
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return new InternetAddress(parsed.getAddress(), name, "UTF-8");
        } catch (jakarta.mail.internet.AddressException e) {
            throw new MailRejectedException(field + " address '" + address + "' is not a valid mail address: "
                    + e.getMessage(), e);
        }
    }

    /** Keeps the Message-ID the bus chose: saveChanges() would otherwise generate a new one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = "<" + HeaderValues.singleLine("Message-ID", messageId) + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
