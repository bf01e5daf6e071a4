package vn.gov.bus.routes.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailAttachment;
import vn.gov.bus.connectors.mail.OfficialMail;
import vn.gov.bus.core.edxml.EdocAttachment;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlDates;
import vn.gov.bus.core.edxml.StatusCodes;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;

/**
 * Turns a signed package into the mail a unit without a document system receives: subject
 * {@code [số/ký hiệu] trích yếu}, a body a clerk reads (the document's metadata in Vietnamese),
 * every attachment decoded under its real name, and the signed package itself, so that a system
 * can later verify and register it as it is.
 */
@Component
public class MailRendering {

    /** File name of the attached signed package; the bus recognises it again on mails it receives. */
    public static final String PACKAGE_FILE = "goi-tin-edxml.xml";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(EdxmlDates.ZONE);

    private final AgencyDirectory directory;
    private final MailChannelSettings settings;

    public MailRendering(AgencyDirectory directory, MailChannelSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * A Message-ID that is the same for every attempt of one delivery (sender, key, recipient): an
     * HMAC under bus.mail.message-id-secret, so that a forged bounce naming a delivery cannot
     * carry the Message-ID the bus wrote for it.
     */
    public String messageIdOf(String senderId, String dedupKey, String recipientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.messageIdSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((senderId + "\n" + dedupKey + "\n" + recipientId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20) + "@" + settings.messageIdDomain();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public OfficialMail render(EdocPackage parsed, byte[] signedPackage, Agency recipient, String busMessageId,
                               String senderId, String dedupKey, Instant now) {
        String senderName = Optional.ofNullable(parsed.fromOrganName())
                .or(() -> directory.find(senderId).map(Agency::name)).orElse(senderId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MailHeaders.MESSAGE_ID, busMessageId);
        headers.put(MailHeaders.SENDER_ID, senderId);
        headers.put(MailHeaders.RECIPIENT_ID, recipient.organId());
        headers.put(MailHeaders.DEDUP_KEY, dedupKey);
        headers.put(MailHeaders.MESSAGE_TYPE, parsed.kind().name());
        String documentId = parsed.kind() == EdocPackage.Kind.STATUS ? parsed.respondedDocumentId() : parsed.documentId();
        if (documentId != null) {
            headers.put(MailHeaders.DOCUMENT_ID, documentId);
        }
        String code = code(parsed);
        if (code != null) {
            headers.put(MailHeaders.CODE, code);
        }
        parsed.promulgationDate().ifPresent(d -> headers.put(MailHeaders.PROMULGATION_DATE, EdxmlDates.formatDate(d)));

        List<MailAttachment> files = new ArrayList<>();
        String subject;
        String body;
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            subject = statusSubject(parsed);
            body = statusBody(parsed, senderName);
        } else {
            subject = (code == null ? "" : "[" + code + "] ") + Optional.ofNullable(parsed.subject()).orElse("");
            body = documentBody(parsed, senderName, recipient);
            for (EdocAttachment a : parsed.attachments()) {
                String name = a.name() != null ? a.name() : "tep-dinh-kem-" + a.index();
                files.add(MailAttachment.of(name, a.effectiveContentType(), a.data()));
            }
        }
        files.add(MailAttachment.of(PACKAGE_FILE, "application/xml", signedPackage));
        return new OfficialMail(messageIdOf(senderId, dedupKey, recipient.organId()), settings.busAddress(),
                settings.busName(), recipient.mail(), recipient.name(), subject.strip(), body, now, files, headers);
    }

    static String code(EdocPackage p) {
        if (p.kind() == EdocPackage.Kind.STATUS) {
            return p.respondedCode();
        }
        if (p.codeNumber() == null) {
            return null;
        }
        return p.codeNotation() == null ? p.codeNumber() : p.codeNumber() + "/" + p.codeNotation();
    }

    private String documentBody(EdocPackage p, String senderName, Agency recipient) {
        StringBuilder b = new StringBuilder();
        b.append("Kính gửi: ").append(recipient.name()).append("\n\n");
        b.append(settings.busName()).append(" chuyển đến quý cơ quan văn bản điện tử sau:\n\n");
        line(b, "Cơ quan ban hành", senderName + " (mã định danh " + p.fromOrganId() + ")");
        line(b, "Số, ký hiệu", code(p));
        line(b, "Ngày ban hành", p.promulgationDate().map(DAY::format).orElse(null));
        line(b, "Trích yếu", p.subject());
        line(b, "Loại văn bản", p.messageHeader().getDocumentType() == null ? null
                : p.messageHeader().getDocumentType().getTypeName());
        var signer = p.messageHeader().getSignerInfo();
        if (signer != null) {
            line(b, "Người ký", join(signer.getCompetence(), signer.getPosition(), signer.getFullName()));
        }
        line(b, "Hạn xử lý", p.dueDate().map(DAY::format).orElse("không có"));
        line(b, "Độ khẩn", priority(p.priority()));
        line(b, "Mã văn bản (DocumentId)", p.documentId());
        if (p.content() != null) {
            b.append("\nNội dung:\n").append(p.content()).append('\n');
        }
        b.append("\nTệp đính kèm:\n");
        for (EdocAttachment a : p.attachments()) {
            b.append("  - ").append(a.name()).append(" (").append(a.size()).append(" byte)\n");
        }
        b.append("  - ").append(PACKAGE_FILE).append(": gói tin edXML (QCVN 102:2016) có chữ ký số của ")
                .append(settings.busName()).append(", dùng để hệ thống quản lý văn bản kiểm tra và tiếp nhận.\n");
        b.append("\nThư này có chữ ký số S/MIME của ").append(settings.busName())
                .append(". Đây là thư gửi tự động, xin không trả lời thư này; văn bản trả lời gửi theo đường công văn"
                        + " hoặc gửi thư có tệp đính kèm đến địa chỉ ").append(settings.busAddress()).append(".\n");
        return b.toString();
    }

    private static String statusSubject(EdocPackage p) {
        String meaning = statusWords(p.statusCode()).orElse("mã trạng thái " + p.statusCode());
        String code = p.respondedCode();
        return "[Trạng thái " + p.statusCode() + "] " + meaning + (code == null ? "" : " – văn bản " + code);
    }

    private String statusBody(EdocPackage p, String senderName) {
        StringBuilder b = new StringBuilder();
        b.append(settings.busName()).append(" thông báo trạng thái xử lý văn bản:\n\n");
        line(b, "Cơ quan báo trạng thái", senderName + " (mã định danh " + p.fromOrganId() + ")");
        line(b, "Văn bản", p.respondedCode());
        line(b, "Mã văn bản (DocumentId)", p.respondedDocumentId());
        line(b, "Trạng thái", p.statusCode() + " – " + statusWords(p.statusCode()).orElse("mã chưa được công bố nghĩa"));
        line(b, "Mô tả", p.statusDescription());
        line(b, "Thời điểm", p.statusTimestamp().map(TIME::format).orElse(null));
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.strip());
            }
        }
        return present.isEmpty() ? null : String.join(" – ", present);
    }

    /** QCVN 102 defines only 0 as normal and a higher number as more urgent; no names are invented. */
    private static String priority(int priority) {
        return priority == 0 ? "thường (0)" : "khẩn, mức " + priority + " (0 là thường, số lớn hơn là khẩn hơn)";
    }

    /** Vietnamese words of the documented status codes, for clerks; an undocumented code is shown as a number. */
    private static final Map<String, String> STATUS_WORDS = Map.of(
            StatusCodes.ARRIVED, "đã đến",
            StatusCodes.REJECTED, "từ chối",
            StatusCodes.ACCEPTED, "đã tiếp nhận",
            StatusCodes.ASSIGNED, "đã phân công xử lý",
            StatusCodes.IN_PROGRESS, "đang xử lý",
            StatusCodes.FINISHED, "hoàn thành xử lý",
            StatusCodes.TAKE_BACK_REQUESTED, "đề nghị lấy lại văn bản",
            StatusCodes.CHANGE_ACCEPTED, "đồng ý cập nhật / lấy lại",
            StatusCodes.CHANGE_REFUSED, "từ chối cập nhật / lấy lại");

    static Optional<String> statusWords(String code) {
        return Optional.ofNullable(code).map(STATUS_WORDS::get);
    }
}
