package vn.gov.bus.core.edxml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import vn.gov.bus.schemas.edxml.Attachment;
import vn.gov.bus.schemas.edxml.Bussiness;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.EdxmlEnvelope;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.Reference;
import vn.gov.bus.schemas.edxml.ReplacementInfo;
import vn.gov.bus.schemas.edxml.ResponseFor;
import vn.gov.bus.schemas.edxml.TraceHeader;

/**
 * A received (or just written) edXML package: the DOM as parsed, which the bus keeps because it
 * appends trace headers and signs that very document, and the JAXB view bound from it.
 *
 * <p>Accessors read the JAXB view taken when the package was read: text values are stripped of
 * surrounding whitespace, and an absent value is {@code null} (or empty, or 0 where stated).
 * Later changes to {@link #dom()} (a new trace header, a signature) show in {@link #toBytes()},
 * not in the accessors.
 */
public final class EdocPackage {

    /** An edoc (a document) or a status report about one. */
    public enum Kind { EDOC, STATUS }

    /** A document pointed to by ResponseFor: what is answered, revoked, or reported on. */
    public record DocumentReference(String organId, String code, String promulgationDate, String documentId) {
    }

    /** One entry of edXMLManifest; {@link #contentId()} is normalised like attachments' ids. */
    public record ManifestReference(int index, String contentId, String contentType, String description,
                                    String attachmentName) {
        public String field() {
            return "edXMLManifest/Reference[" + index + "]";
        }
    }

    /** One hop: who handled the package, and when ({@code yyyy/MM/dd HH:mm:ss} as received). */
    public record Trace(String organId, String timestamp) {
    }

    /** For replace (BussinessDocType 3): the replaced document and its recipients. */
    public record Replacement(String documentId, List<String> organIds) {
    }

    private static final QName XLINK_HREF = new QName(EdxmlNamespace.XLINK, "href");

    private final Document dom;
    private final Edxml root;
    private final Kind kind;
    private final List<EdocAttachment> attachments;
    private final List<ManifestReference> references;
    private final List<Violation> readIssues;

    private EdocPackage(Document dom, Edxml root, List<Violation> readIssues) {
        this.dom = dom;
        this.root = root;
        this.readIssues = readIssues;
        MessageHeader header = header(root);
        if (header == null) {
            throw new EdxmlException("MessageHeader", "required",
                    "package has no edXMLEnvelope/edXMLHeader/MessageHeader");
        }
        this.kind = kindOf(header);
        this.attachments = attachments(root);
        this.references = references(root);
    }

    /**
     * A status carries StatusCode; one that lacks it is still recognised by its status-only
     * elements and the absence of recipients, so that the rules report the missing code rather
     * than treating it as a broken document.
     */
    private static Kind kindOf(MessageHeader header) {
        if (header.getStatusCode() != null) {
            return Kind.STATUS;
        }
        boolean statusOnly = header.getStaffInfo() != null || header.getDescription() != null
                || header.getTimestamp() != null;
        return header.getTo().isEmpty() && statusOnly ? Kind.STATUS : Kind.EDOC;
    }

    /** Binds a parsed DOM; the DOM itself is kept unchanged. */
    static EdocPackage bind(Document dom, EdxmlBinding binding) {
        Node bindable = InboundDom.forBinding(dom);
        EdxmlBinding.Unmarshalled bound = binding.unmarshal(bindable);
        return new EdocPackage(dom, bound.root(), bound.issues());
    }

    private static MessageHeader header(Edxml root) {
        EdxmlEnvelope envelope = root.getEdXMLEnvelope();
        if (envelope == null || envelope.getEdXMLHeader() == null) {
            return null;
        }
        return envelope.getEdXMLHeader().getMessageHeader();
    }

    private static List<EdocAttachment> attachments(Edxml root) {
        if (root.getAttachmentEncoded() == null) {
            return List.of();
        }
        List<EdocAttachment> result = new ArrayList<>();
        int index = 1;
        for (Attachment a : root.getAttachmentEncoded().getAttachment()) {
            result.add(new EdocAttachment(index++, a.getContentId(), a.getAttachmentName(), a.getDescription(),
                    a.getContentType(), a.getContentTransferEncoded()));
        }
        return List.copyOf(result);
    }

    private static List<ManifestReference> references(Edxml root) {
        EdxmlEnvelope envelope = root.getEdXMLEnvelope();
        if (envelope.getEdXMLBody() == null || envelope.getEdXMLBody().getEdXMLManifest() == null) {
            return List.of();
        }
        List<ManifestReference> result = new ArrayList<>();
        int index = 1;
        for (Reference r : envelope.getEdXMLBody().getEdXMLManifest().getReference()) {
            // some producers name the attachment only in xlink:href="cid:..."
            String id = r.getContentId() != null ? r.getContentId() : r.getOtherAttributes().get(XLINK_HREF);
            result.add(new ManifestReference(index++, EdocAttachment.normaliseContentId(id),
                    text(r.getContentType()), text(r.getDescription()), text(r.getAttachmentName())));
        }
        return List.copyOf(result);
    }

    /** The live DOM: trace headers and the signature are added here; {@link #toBytes()} writes it. */
    public Document dom() {
        return dom;
    }

    public Kind kind() {
        return kind;
    }

    /** The JAXB view of the package as read. */
    public Edxml edxml() {
        return root;
    }

    public MessageHeader messageHeader() {
        return header(root);
    }

    /** Values that were present but could not be converted (e.g. a non-numeric BussinessDocType). */
    public List<Violation> readIssues() {
        return readIssues;
    }

    /** Serialises the current DOM: UTF-8, formatting kept as it is. */
    public byte[] toBytes() {
        return XmlBytes.of(dom);
    }

    // ------------------------------------------------------------------ edoc header

    public String documentId() {
        return text(messageHeader().getDocumentId());
    }

    public String fromOrganId() {
        return organ(messageHeader().getFrom(), Organization::getOrganId);
    }

    public String fromOrganName() {
        return organ(messageHeader().getFrom(), Organization::getOrganName);
    }

    /** Recipients' OrganIds in package order (blank ones left out). */
    public List<String> toOrganIds() {
        List<String> ids = new ArrayList<>();
        for (Organization to : messageHeader().getTo()) {
            String id = organ(to, Organization::getOrganId);
            if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** Trích yếu. */
    public String subject() {
        return text(messageHeader().getSubject());
    }

    public String content() {
        return text(messageHeader().getContent());
    }

    /** Số. */
    public String codeNumber() {
        return messageHeader().getCode() == null ? null : text(messageHeader().getCode().getCodeNumber());
    }

    /** Ký hiệu. */
    public String codeNotation() {
        return messageHeader().getCode() == null ? null : text(messageHeader().getCode().getCodeNotation());
    }

    public Optional<LocalDate> promulgationDate() {
        String value = messageHeader().getPromulgationInfo() == null ? null
                : text(messageHeader().getPromulgationInfo().getPromulgationDate());
        return date(value, "MessageHeader/PromulgationInfo/PromulgationDate");
    }

    public Optional<LocalDate> dueDate() {
        return date(text(messageHeader().getDueDate()), "MessageHeader/DueDate");
    }

    /** OtherInfo/Priority, 0 (normal) when absent. */
    public int priority() {
        MessageHeader h = messageHeader();
        return h.getOtherInfo() == null || h.getOtherInfo().getPriority() == null ? 0 : h.getOtherInfo().getPriority();
    }

    /** 0 none, 1 steering, 2 steering that requires a report; 0 when absent. */
    public int steeringType() {
        return messageHeader().getSteeringType() == null ? 0 : messageHeader().getSteeringType();
    }

    public List<DocumentReference> responseFor() {
        List<DocumentReference> refs = new ArrayList<>();
        for (ResponseFor r : messageHeader().getResponseFor()) {
            refs.add(new DocumentReference(text(r.getOrganId()), text(r.getCode()), text(r.getPromulgationDate()),
                    text(r.getDocumentId())));
        }
        return List.copyOf(refs);
    }

    // ------------------------------------------------------------------ business block

    private Bussiness bussiness() {
        var header = root.getEdXMLEnvelope().getEdXMLHeader();
        return header.getTraceHeaderList() == null ? null : header.getTraceHeaderList().getBussiness();
    }

    /** 0 new, 1 revoke, 2 update, 3 replace; 0 when absent. */
    public int businessDocType() {
        Bussiness b = bussiness();
        return b == null || b.getBussinessDocType() == null ? 0 : b.getBussinessDocType();
    }

    public String businessDocReason() {
        Bussiness b = bussiness();
        return b == null ? null : text(b.getBussinessDocReason());
    }

    /** Bussiness/DocumentId: the document a revoke / update / replace is about. */
    public String businessDocumentId() {
        Bussiness b = bussiness();
        return b == null ? null : text(b.getDocumentId());
    }

    public List<Replacement> replacements() {
        Bussiness b = bussiness();
        if (b == null || b.getReplacementInfoList() == null) {
            return List.of();
        }
        List<Replacement> result = new ArrayList<>();
        for (ReplacementInfo info : b.getReplacementInfoList().getReplacementInfo()) {
            List<String> organs = info.getOrganIdList() == null ? List.of()
                    : info.getOrganIdList().getOrganId().stream().map(EdocPackage::text).toList();
            result.add(new Replacement(text(info.getDocumentId()), organs));
        }
        return List.copyOf(result);
    }

    /** Trace headers as read, oldest first. */
    public List<Trace> traces() {
        var header = root.getEdXMLEnvelope().getEdXMLHeader();
        if (header.getTraceHeaderList() == null) {
            return List.of();
        }
        List<Trace> traces = new ArrayList<>();
        for (TraceHeader t : header.getTraceHeaderList().getTraceHeader()) {
            traces.add(new Trace(text(t.getOrganId()), text(t.getTimestamp())));
        }
        return List.copyOf(traces);
    }

    // ------------------------------------------------------------------ status

    /** Two digits as received (undocumented codes such as 09 are kept as they are). */
    public String statusCode() {
        return text(messageHeader().getStatusCode());
    }

    public String statusDescription() {
        return text(messageHeader().getDescription());
    }

    public Optional<Instant> statusTimestamp() {
        String value = text(messageHeader().getTimestamp());
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EdxmlDates.parseTimestamp(value));
        } catch (DateTimeParseException e) {
            throw new EdxmlException("MessageHeader/Timestamp", "format",
                    "'" + value + "' is not a timestamp (yyyy/MM/dd HH:mm:ss)", e);
        }
    }

    /** DocumentId of the first ResponseFor: for a status, the document reported on. */
    public String respondedDocumentId() {
        List<ResponseFor> refs = messageHeader().getResponseFor();
        return refs.isEmpty() ? null : text(refs.get(0).getDocumentId());
    }

    /** OrganId of the first ResponseFor: for a status, the original sender. */
    public String respondedOrganId() {
        List<ResponseFor> refs = messageHeader().getResponseFor();
        return refs.isEmpty() ? null : text(refs.get(0).getOrganId());
    }

    /** Code ("number/notation") of the first ResponseFor. */
    public String respondedCode() {
        List<ResponseFor> refs = messageHeader().getResponseFor();
        return refs.isEmpty() ? null : text(refs.get(0).getCode());
    }

    // ------------------------------------------------------------------ body

    public List<EdocAttachment> attachments() {
        return attachments;
    }

    public List<ManifestReference> references() {
        return references;
    }

    // ------------------------------------------------------------------ helpers

    private static Optional<LocalDate> date(String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EdxmlDates.parseDate(value));
        } catch (DateTimeParseException e) {
            throw new EdxmlException(field, "format", "'" + value + "' is not a date (yyyy/MM/dd)", e);
        }
    }

    private static String organ(Organization organization, Function<Organization, String> value) {
        return organization == null ? null : text(value.apply(organization));
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    @Override
    public String toString() {
        return "EdocPackage[" + kind + ", documentId=" + documentId() + ", from=" + fromOrganId()
                + (kind == Kind.STATUS ? ", status=" + statusCode() : ", to=" + toOrganIds()) + "]";
    }
}
