package vn.gov.bus.routes.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailAttachment;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlDates;
import vn.gov.bus.core.edxml.EdxmlWriter;
import vn.gov.bus.core.edxml.PackageRules;
import vn.gov.bus.core.edxml.TraceHeaders;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.routes.BusIdentity;
import vn.gov.bus.schemas.edxml.Attachment;
import vn.gov.bus.schemas.edxml.AttachmentEncoded;
import vn.gov.bus.schemas.edxml.Bussiness;
import vn.gov.bus.schemas.edxml.Code;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.EdxmlBody;
import vn.gov.bus.schemas.edxml.EdxmlEnvelope;
import vn.gov.bus.schemas.edxml.EdxmlHeader;
import vn.gov.bus.schemas.edxml.EdxmlManifest;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.PromulgationInfo;
import vn.gov.bus.schemas.edxml.Reference;
import vn.gov.bus.schemas.edxml.StaffInfo;
import vn.gov.bus.schemas.edxml.TraceHeader;
import vn.gov.bus.schemas.edxml.TraceHeaderList;

/**
 * Builds the edoc package of a plain mail from a known unit: From is the unit the directory knows
 * by the mail's address, To the local recipients, Subject the mail's subject, Content its text,
 * PromulgationDate the day it was sent, the files as attachments. The DocumentId is a UUID derived
 * from the Message-ID, so a mail taken in twice (a crash before it was moved) is the same
 * document and the pending box keeps one copy. The bus appends its trace header (the time it
 * received the mail) and signs the package: the signature says the bus made this package from
 * that mail, not that the unit signed it.
 */
@Component
public class MailToEdoc {

    /** A subject starting "[125/UBND-VP] …", as the bus writes them and clerks often do. */
    private static final Pattern CODE_PREFIX = Pattern.compile("^\\s*\\[\\s*([^/\\]\\s]+)\\s*/\\s*([^\\]]+?)\\s*]\\s*(.*)$",
            Pattern.DOTALL);
    static final String FULL_TEXT_FILE = "noi-dung-thu.txt";

    private final EdxmlWriter writer;
    private final PackageSigner signer;
    private final BusIdentity identity;

    public MailToEdoc(PackageRules rules, PackageSigner signer, BusIdentity identity) {
        this.writer = new EdxmlWriter(rules);
        this.signer = signer;
        this.identity = identity;
    }

    /** The DocumentId of the package made from the mail with this key. */
    static String documentIdOf(String mailKey) {
        return UUID.nameUUIDFromBytes(("mail:" + mailKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public EdocPackage convert(ReceivedMail mail, Agency sender, List<Agency> recipients, Instant receivedAt,
                               String mailKey) {
        Instant sent = mail.sentAt() != null && mail.sentAt().isBefore(receivedAt.plusSeconds(3600))
                ? mail.sentAt() : receivedAt;
        LocalDate day = sent.atZone(EdxmlDates.ZONE).toLocalDate();

        Organization from = new Organization();
        from.setOrganId(sender.organId());
        from.setOrganName(sender.name());
        from.setEmail(mail.fromAddress());
        MessageHeader header = new MessageHeader();
        header.setFrom(from);
        for (Agency r : recipients) {
            Organization to = new Organization();
            to.setOrganId(r.organId());
            to.setOrganName(r.name());
            header.getTo().add(to);
        }
        header.setDocumentId(documentIdOf(mailKey));
        String subject = mail.subject() == null || mail.subject().isBlank()
                ? "Thư điện tử không có tiêu đề của " + mail.fromAddress() : mail.subject().strip();
        Matcher code = CODE_PREFIX.matcher(subject);
        if (code.matches() && !code.group(3).isBlank()) {
            Code c = new Code();
            c.setCodeNumber(code.group(1));
            c.setCodeNotation(code.group(2));
            header.setCode(c);
        }
        header.setSubject(cut(subject));
        String text = mail.text() == null ? null : mail.text().strip();
        if (text != null && !text.isEmpty()) {
            header.setContent(cut(text));
        }
        PromulgationInfo promulgation = new PromulgationInfo();
        promulgation.setPromulgationDate(EdxmlDates.formatDate(day));
        header.setPromulgationInfo(promulgation);

        TraceHeaderList traces = new TraceHeaderList();
        TraceHeader first = new TraceHeader();
        first.setOrganId(sender.organId());
        first.setTimestamp(EdxmlDates.formatTimestamp(sent));
        traces.getTraceHeader().add(first);
        Bussiness business = new Bussiness();
        business.setBussinessDocType(0);
        business.setBussinessDocReason("Văn bản nhận qua thư điện tử công vụ từ " + mail.fromAddress()
                + (mail.messageId() == null ? "" : " (Message-ID " + cut(mail.messageId()) + ")"));
        business.setPaper(0);
        StaffInfo staff = new StaffInfo();
        staff.setStaff(mail.fromName());
        staff.setEmail(mail.fromAddress());
        business.setStaffInfo(staff);
        traces.setBussiness(business);
        EdxmlHeader edxmlHeader = new EdxmlHeader();
        edxmlHeader.setMessageHeader(header);
        edxmlHeader.setTraceHeaderList(traces);

        EdxmlManifest manifest = new EdxmlManifest();
        manifest.setVersion("1.0");
        AttachmentEncoded encoded = new AttachmentEncoded();
        int index = 0;
        for (MailAttachment file : mail.documents()) {
            add(manifest, encoded, ++index, file.name(), file.contentType(), file.data(), "Tệp đính kèm thư điện tử");
        }
        if (text != null && text.codePointCount(0, text.length()) > PackageRules.MAX_TEXT_LENGTH) {
            // Content is limited to 500 characters: the whole text travels as a file
            add(manifest, encoded, ++index, FULL_TEXT_FILE, "text/plain", text.getBytes(StandardCharsets.UTF_8),
                    "Toàn văn nội dung thư điện tử");
        }
        EdxmlBody body = new EdxmlBody();
        body.setEdXMLManifest(manifest);
        EdxmlEnvelope envelope = new EdxmlEnvelope();
        envelope.setEdXMLHeader(edxmlHeader);
        envelope.setEdXMLBody(body);
        Edxml root = new Edxml();
        root.setEdXMLEnvelope(envelope);
        root.setAttachmentEncoded(encoded);

        EdocPackage written = writer.toPackage(root);
        TraceHeaders.append(written.dom(), identity.organId(), receivedAt);
        signer.sign(written.dom());
        return written;
    }

    private static void add(EdxmlManifest manifest, AttachmentEncoded encoded, int index, String name, String type,
                            byte[] data, String description) {
        String contentId = "cid:mail-" + index;
        Reference ref = new Reference();
        ref.setContentId(contentId);
        ref.setContentType(type);
        ref.setDescription(description);
        ref.setAttachmentName(name);
        manifest.getReference().add(ref);
        Attachment attachment = new Attachment();
        attachment.setContentId(contentId);
        attachment.setAttachmentName(name);
        attachment.setDescription(description);
        attachment.setContentType(type);
        attachment.setContentTransferEncoded(Base64.getEncoder().encodeToString(data));
        encoded.getAttachment().add(attachment);
    }

    private static String cut(String text) {
        int max = PackageRules.MAX_TEXT_LENGTH;
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
