package vn.gov.bus.connectors.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a received mail into a {@link ReceivedMail}, robustly: RFC 2047 subjects and names (also
 * the non-standard encoded-word file names Outlook writes), RFC 2231 file names, nested
 * multiparts, S/MIME multipart/signed, inline images, forwarded messages (message/rfc822) and
 * delivery status notifications. Hostile input is bounded: size, nesting depth and part count.
 */
public final class MailParser {

    /** Limits on what a received mail may be. */
    public record Limits(long maxSize, int maxDepth, int maxParts) {
    }

    private static final String X_BUS = "x-bus-";

    private final Limits limits;
    private final Session session;
    private final SmimeVerifier smime = new SmimeVerifier();

    public MailParser(Limits limits) {
        this.limits = limits;
        Properties props = new Properties();
        // tolerate what real clients send: unencoded 8-bit names, broken encoded words
        props.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(props);
    }

    public Limits limits() {
        return limits;
    }

    /** Refuses a mail by its announced size, before it is downloaded. */
    public void checkSize(long size) {
        if (size > limits.maxSize()) {
            throw new MailRejectedInputException("MAIL_TOO_LARGE", "the mail is " + size
                    + " bytes, over the limit of " + limits.maxSize() + " bytes (bus.mail.incoming.max-size)");
        }
    }

    public ReceivedMail parse(byte[] raw) {
        checkSize(raw.length);
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            Walk walk = new Walk();
            walk.part(message, 0);
            InternetAddress from = firstAddress(message.getFrom());
            List<String> recipients = new ArrayList<>();
            addAll(recipients, recipientsOf(message, Message.RecipientType.TO));
            addAll(recipients, recipientsOf(message, Message.RecipientType.CC));
            DeliveryReport bounce = walk.report != null ? walk.report : legacyBounce(from, walk);
            return new ReceivedMail(bareMessageId(message.getMessageID()),
                    from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : from.getPersonal(), recipients, subject(message),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    walk.text != null ? walk.text : walk.html, walk.attachments, walk.forwarded,
                    walk.smime == null ? SmimeCheck.notSigned() : walk.smime, bounce);
        } catch (MessagingException e) {
            throw new MailRejectedInputException("MALFORMED_MAIL", "the mail's MIME structure cannot be read: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new MailRejectedInputException("MALFORMED_MAIL", "the mail's content cannot be decoded: "
                    + e.getMessage(), e);
        }
    }

    /** The Message-ID without angle brackets and surrounding space; null when absent. */
    public static String bareMessageId(String header) {
        if (header == null) {
            return null;
        }
        String id = header.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String[] raw = message.getHeader("Subject");
        if (raw == null || raw.length == 0) {
            return null;
        }
        return decode(MimeUtility.unfold(raw[0])).strip();
    }

    /** RFC 2047 decoding that never fails: a broken encoded word stays as it was. */
    static String decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }

    private static InternetAddress firstAddress(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                return ia;
            }
        }
        return null;
    }

    private static List<String> recipientsOf(MimeMessage message, Message.RecipientType type) {
        try {
            Address[] addresses = message.getRecipients(type);
            List<String> result = new ArrayList<>();
            if (addresses != null) {
                for (Address a : addresses) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                        result.add(ia.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return result;
        } catch (MessagingException unreadable) {
            // a garbled Cc must not make the mail unreadable: the routing falls back to configuration
            return List.of();
        }
    }

    private static void addAll(List<String> into, List<String> values) {
        for (String v : values) {
            if (!into.contains(v)) {
                into.add(v);
            }
        }
    }

    /**
     * Some servers bounce without RFC 3464: a mail from MAILER-DAEMON or postmaster with the
     * original attached. It counts as a bounce only when the original carries the bus's headers.
     */
    private static DeliveryReport legacyBounce(InternetAddress from, Walk walk) {
        if (from == null || walk.returnedHeaders.isEmpty()) {
            return null;
        }
        String local = from.getAddress().toLowerCase(Locale.ROOT);
        if (!local.startsWith("mailer-daemon@") && !local.startsWith("postmaster@")) {
            return null;
        }
        return new DeliveryReport("failed", null, null, walk.text == null ? null : firstLines(walk.text),
                walk.returnedMessageId, walk.returnedHeaders);
    }

    private static String firstLines(String text) {
        String t = text.strip();
        return t.length() <= 500 ? t : t.substring(0, 500) + "…";
    }

    /** One pass over the MIME tree, collecting what the bus needs. */
    private final class Walk {
        String text;
        String html;
        final List<MailAttachment> attachments = new ArrayList<>();
        int forwarded;
        int parts;
        SmimeCheck smime;
        DeliveryReport report;
        Map<String, String> reportFields;
        Map<String, String> returnedHeaders = Map.of();
        String returnedMessageId;

        void part(Part part, int depth) throws MessagingException, IOException {
            if (depth > limits.maxDepth()) {
                throw new MailRejectedInputException("MAIL_TOO_DEEP", "the mail nests more than "
                        + limits.maxDepth() + " levels of MIME parts (bus.mail.incoming.max-depth)");
            }
            if (++parts > limits.maxParts()) {
                throw new MailRejectedInputException("MAIL_TOO_MANY_PARTS", "the mail has more than "
                        + limits.maxParts() + " MIME parts (bus.mail.incoming.max-parts)");
            }
            if (part.isMimeType("multipart/signed")) {
                MimeMultipart signed = (MimeMultipart) part.getContent();
                if (smime == null && depth <= 1) {
                    smime = MailParser.this.smime.verify(signed);
                }
                // part 0 is the signed content, part 1 the signature
                part(signed.getBodyPart(0), depth + 1);
                return;
            }
            if (part.isMimeType("multipart/report")) {
                report((Multipart) part.getContent(), depth);
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                if (part.isMimeType("multipart/alternative")) {
                    alternative(multipart, depth);
                    return;
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    part(multipart.getBodyPart(i), depth + 1);
                }
                return;
            }
            if (part.isMimeType("message/rfc822")) {
                Object content = part.getContent();
                if (content instanceof MimeMessage forwardedMessage) {
                    forwarded++;
                    String keepText = text;
                    part(forwardedMessage, depth + 1);
                    // the forwarding clerk's own words come first; the forwarded text follows
                    if (keepText != null && text != null && !keepText.equals(text)) {
                        text = keepText + "\n\n" + text;
                    }
                    return;
                }
            }
            leaf(part);
        }

        /** text/plain preferred; the html is kept only when there is no plain text. */
        private void alternative(Multipart multipart, int depth) throws MessagingException, IOException {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                if (p.isMimeType("multipart/*")) {
                    part(p, depth + 1);
                } else if (p.isMimeType("text/plain") && text == null) {
                    parts++;
                    text = textOf(p);
                } else if (p.isMimeType("text/html") && html == null) {
                    parts++;
                    html = stripTags(textOf(p));
                }
            }
        }

        private void leaf(Part part) throws MessagingException, IOException {
            String name = fileName(part);
            String disposition = part.getDisposition();
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || name != null;
            if (!attachment && part.isMimeType("text/plain")) {
                if (text == null) {
                    text = textOf(part);
                } else {
                    text = text + "\n\n" + textOf(part);
                }
                return;
            }
            if (!attachment && part.isMimeType("text/html")) {
                if (html == null) {
                    html = stripTags(textOf(part));
                }
                return;
            }
            boolean inline = Part.INLINE.equalsIgnoreCase(disposition) || (disposition == null
                    && part instanceof MimePart mp && mp.getContentID() != null);
            inline = inline && part.isMimeType("image/*");
            byte[] data;
            try (InputStream in = part.getInputStream()) {
                data = in.readAllBytes();
            }
            String type = baseType(part.getContentType());
            attachments.add(new MailAttachment(name != null ? name : unnamed(type), type, data, inline));
        }

        /** RFC 3464: the human part, the machine-readable status, then the original (or its headers). */
        private void report(Multipart report, int depth) throws MessagingException, IOException {
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart p = report.getBodyPart(i);
                if (p.isMimeType("message/delivery-status") || p.isMimeType("message/global-delivery-status")) {
                    parts++;
                    reportFields = deliveryStatusFields(p);
                } else if (p.isMimeType("text/rfc822-headers")) {
                    parts++;
                    returned(new InternetHeaders(p.getInputStream()));
                } else if (p.isMimeType("message/rfc822")) {
                    parts++;
                    returned(new InternetHeaders(p.getInputStream()));
                } else if (p.isMimeType("text/plain") && text == null) {
                    parts++;
                    text = textOf(p);
                } else {
                    part(p, depth + 1);
                }
            }
            if (reportFields != null) {
                this.report = new DeliveryReport(reportFields.get("action"), reportFields.get("status"),
                        recipientOf(reportFields.get("final-recipient")), reportFields.get("diagnostic-code"),
                        returnedMessageId, returnedHeaders);
            }
        }

        private void returned(InternetHeaders headers) {
            Map<String, String> bus = new LinkedHashMap<>();
            for (Enumeration<jakarta.mail.Header> all = headers.getAllHeaders(); all.hasMoreElements(); ) {
                jakarta.mail.Header h = all.nextElement();
                if (h.getName().toLowerCase(Locale.ROOT).startsWith(X_BUS)) {
                    bus.put(h.getName(), decode(MimeUtility.unfold(h.getValue())).strip());
                }
            }
            returnedHeaders = bus;
            returnedMessageId = bareMessageId(headers.getHeader("Message-ID", null));
        }
    }

    /** The per-message and first per-recipient fields of a message/delivery-status part, lower-case names. */
    private static Map<String, String> deliveryStatusFields(Part part) throws MessagingException, IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (InputStream in = part.getInputStream()) {
            // groups are separated by blank lines; InternetHeaders reads one group per call
            for (int group = 0; group < 8; group++) {
                InternetHeaders headers = new InternetHeaders(in);
                Enumeration<jakarta.mail.Header> all = headers.getAllHeaders();
                if (!all.hasMoreElements()) {
                    break;
                }
                while (all.hasMoreElements()) {
                    jakarta.mail.Header h = all.nextElement();
                    fields.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), MimeUtility.unfold(h.getValue()).strip());
                }
                if (fields.containsKey("action")) {
                    break;
                }
            }
        }
        return fields;
    }

    /** "rfc822; user@example.org" → user@example.org. */
    private static String recipientOf(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        return (semicolon >= 0 ? field.substring(semicolon + 1) : field).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The file name: Jakarta Mail decodes RFC 2231 parameters; many clients (Outlook, some webmails)
     * put RFC 2047 encoded words in the name instead, which the standard forbids but which must be read.
     */
    static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException unreadable) {
            name = null;
        }
        if (name == null && part instanceof MimePart mp) {
            String type = mp.getHeader("Content-Type", null);
            if (type != null) {
                try {
                    name = new ContentType(type).getParameter("name");
                } catch (ParseException unreadable) {
                    name = null;
                }
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.contains("=?") ? decode(name) : name;
        // never a path: a name like ../../x or C:\x is reduced to its last segment
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? null : name;
    }

    private static String unnamed(String type) {
        return "tep-dinh-kem" + switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/xml", "text/xml" -> ".xml";
            default -> ".bin";
        };
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        Object content;
        try {
            content = part.getContent();
        } catch (UnsupportedEncodingException unknownCharset) {
            // an unknown charset name: read as UTF-8 rather than lose the text
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ").replaceAll("[ \\t]+", " ").strip();
    }
}
