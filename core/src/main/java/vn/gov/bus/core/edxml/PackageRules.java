package vn.gov.bus.core.edxml;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.PromulgationInfo;
import vn.gov.bus.schemas.edxml.ResponseFor;

/**
 * What a package must satisfy to be accepted or sent, beyond what the (lenient) schema says.
 * {@link #check} lists the errors, {@link #warnings} what is doubtful but never a reason to
 * reject (agency codes outside the regulation's shape: real traffic has them).
 */
public final class PackageRules {

    /** A known gateway caps one file at 50 MB. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 50L * 1024 * 1024;

    /** A known hub limits Subject (trích yếu) and Content to 500 characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{2}");

    private final long maxAttachmentBytes;

    public PackageRules() {
        this(DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    public PackageRules(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** Errors: a package with any of these must not be accepted or sent. Empty when fine. */
    public List<Violation> check(EdocPackage p) {
        List<Violation> errors = new ArrayList<>(p.readIssues());
        MessageHeader header = p.messageHeader();
        if (p.fromOrganId() == null) {
            errors.add(new Violation("MessageHeader/From/OrganId", "required", "sender OrganId is missing"));
        }
        if (p.kind() == EdocPackage.Kind.STATUS) {
            checkStatus(p, errors);
        } else {
            checkRecipients(header, errors);
            checkTexts(p, errors);
            checkDocumentId(p, errors);
            checkDates(header, errors);
            checkBusiness(p, errors);
            checkAttachments(p, errors);
        }
        return List.copyOf(errors);
    }

    /** Warnings: worth recording, never a reason to reject. */
    public List<Violation> warnings(EdocPackage p) {
        List<Violation> warnings = new ArrayList<>();
        MessageHeader header = p.messageHeader();
        if (header.getFrom() != null) {
            agencyCode(header.getFrom().getOrganId(), "MessageHeader/From/OrganId", warnings);
        }
        int i = 1;
        for (Organization to : header.getTo()) {
            agencyCode(to.getOrganId(), "MessageHeader/To[" + i++ + "]/OrganId", warnings);
        }
        i = 1;
        for (ResponseFor r : header.getResponseFor()) {
            agencyCode(r.getOrganId(), "MessageHeader/ResponseFor[" + i++ + "]/OrganId", warnings);
        }
        for (EdocAttachment a : p.attachments()) {
            if (a.typeMismatch()) {
                warnings.add(new Violation(a.field() + "/ContentType", "zip-content",
                        "attachment " + a.describe() + " is declared " + a.declaredContentType()
                                + " but its bytes are a zip"));
            }
        }
        return List.copyOf(warnings);
    }

    private static void agencyCode(String raw, String field, List<Violation> warnings) {
        String code = EdocPackage.text(raw);
        if (code != null && !AgencyCodes.conforms(code)) {
            warnings.add(new Violation(field, "agency-code-shape",
                    "agency code '" + code + "' does not have the shape LLL.LL.LL.XNN"));
        }
    }

    private static void checkStatus(EdocPackage p, List<Violation> errors) {
        String code = p.statusCode();
        if (code == null) {
            errors.add(new Violation("MessageHeader/StatusCode", "required", "status code is missing"));
        } else if (!STATUS_CODE.matcher(code).matches()) {
            errors.add(new Violation("MessageHeader/StatusCode", "format",
                    "status code '" + code + "' is not two digits"));
        }
        if (p.responseFor().isEmpty()) {
            errors.add(new Violation("MessageHeader/ResponseFor", "required",
                    "a status must name the document it reports on (ResponseFor)"));
        }
        checkDates(p.messageHeader(), errors);
        String timestamp = EdocPackage.text(p.messageHeader().getTimestamp());
        if (timestamp != null && !EdxmlDates.isTimestamp(timestamp)) {
            errors.add(new Violation("MessageHeader/Timestamp", "format",
                    "'" + timestamp + "' is not a timestamp (yyyy/MM/dd HH:mm:ss)"));
        }
    }

    private static void checkRecipients(MessageHeader header, List<Violation> errors) {
        if (header.getTo().isEmpty()) {
            errors.add(new Violation("MessageHeader/To", "required", "a document needs at least one recipient (To)"));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        int i = 1;
        for (Organization to : header.getTo()) {
            String field = "MessageHeader/To[" + i + "]/OrganId";
            String id = EdocPackage.text(to.getOrganId());
            if (id == null) {
                errors.add(new Violation(field, "required", "recipient " + i + " has no OrganId"));
            } else {
                Integer first = seen.putIfAbsent(id, i);
                if (first != null) {
                    errors.add(new Violation(field, "duplicate",
                            "recipient '" + id + "' is already To[" + first + "]"));
                }
            }
            i++;
        }
    }

    private static void checkTexts(EdocPackage p, List<Violation> errors) {
        String subject = p.subject();
        if (subject == null) {
            errors.add(new Violation("MessageHeader/Subject", "required", "subject (trích yếu) is missing"));
        } else {
            maxLength(subject, "MessageHeader/Subject", errors);
        }
        String content = p.content();
        if (content != null) {
            maxLength(content, "MessageHeader/Content", errors);
        }
    }

    /** Counted in characters of the NFC form: a decomposed Vietnamese text is not longer. */
    private static void maxLength(String text, String field, List<Violation> errors) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        int length = nfc.codePointCount(0, nfc.length());
        if (length > MAX_TEXT_LENGTH) {
            errors.add(new Violation(field, "max-length-" + MAX_TEXT_LENGTH,
                    "is " + length + " characters, the limit is " + MAX_TEXT_LENGTH));
        }
    }

    private static void checkDocumentId(EdocPackage p, List<Violation> errors) {
        String id = p.documentId();
        if (id == null) {
            errors.add(new Violation("MessageHeader/DocumentId", "required", "DocumentId is missing"));
        } else if (!DocumentIds.wellFormed(id)) {
            errors.add(new Violation("MessageHeader/DocumentId", "format", "DocumentId '" + id
                    + "' is neither {organId},{yyyy/MM/dd},{number}/{notation} nor a UUID"));
        }
    }

    private static void checkDates(MessageHeader header, List<Violation> errors) {
        PromulgationInfo info = header.getPromulgationInfo();
        if (info != null) {
            date(info.getPromulgationDate(), "MessageHeader/PromulgationInfo/PromulgationDate", errors);
        }
        date(header.getDueDate(), "MessageHeader/DueDate", errors);
        int i = 1;
        for (ResponseFor r : header.getResponseFor()) {
            date(r.getPromulgationDate(), "MessageHeader/ResponseFor[" + i++ + "]/PromulgationDate", errors);
        }
    }

    private static void date(String raw, String field, List<Violation> errors) {
        String value = EdocPackage.text(raw);
        if (value != null && !EdxmlDates.isDate(value)) {
            errors.add(new Violation(field, "format", "'" + value + "' is not a date (yyyy/MM/dd)"));
        }
    }

    private static void checkBusiness(EdocPackage p, List<Violation> errors) {
        int type = p.businessDocType();
        switch (type) {
            case 0, 2 -> { }
            case 1 -> {
                if (p.responseFor().isEmpty() && p.businessDocumentId() == null) {
                    errors.add(new Violation("MessageHeader/ResponseFor", "required",
                            "a revocation (BussinessDocType 1) must name its document in ResponseFor"
                                    + " or Bussiness/DocumentId"));
                }
            }
            case 3 -> {
                if (p.replacements().isEmpty()) {
                    errors.add(new Violation("TraceHeaderList/Bussiness/ReplacementInfoList", "required",
                            "a replacement (BussinessDocType 3) must list the replaced document"));
                }
            }
            default -> errors.add(new Violation("TraceHeaderList/Bussiness/BussinessDocType", "range",
                    "BussinessDocType " + type + " is not one of 0 new, 1 revoke, 2 update, 3 replace"));
        }
    }

    private void checkAttachments(EdocPackage p, List<Violation> errors) {
        Set<String> attachmentIds = new HashSet<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (EdocAttachment a : p.attachments()) {
            String content = a.field() + "/ContentTransferEncoded";
            if (a.contentId() == null) {
                errors.add(new Violation(a.field() + "/ContentId", "required",
                        "attachment " + a.describe() + " has no ContentId"));
            } else {
                attachmentIds.add(a.contentId());
                Integer first = firstIndex.putIfAbsent(a.contentId(), a.index());
                if (first != null) {
                    errors.add(new Violation(a.field() + "/ContentId", "duplicate",
                            "content id '" + a.contentId() + "' is already Attachment[" + first + "]"));
                }
            }
            boolean decodes = true;
            try {
                a.data();
            } catch (EdxmlException e) {
                decodes = false;
                errors.add(new Violation(e.field(), e.rule(), e.getMessage()));
            }
            if (decodes && a.size() > maxAttachmentBytes) {
                errors.add(new Violation(content, "max-size-" + maxAttachmentBytes, "attachment " + a.describe()
                        + " is " + a.size() + " bytes, the limit is " + maxAttachmentBytes));
            }
        }
        Set<String> referenced = new HashSet<>();
        for (EdocPackage.ManifestReference r : p.references()) {
            if (r.contentId() == null) {
                errors.add(new Violation(r.field() + "/ContentId", "required", "manifest reference has no ContentId"));
                continue;
            }
            referenced.add(r.contentId());
            if (!attachmentIds.contains(r.contentId())) {
                errors.add(new Violation(r.field() + "/ContentId", "missing-attachment",
                        "manifest names '" + r.contentId() + "' but no attachment has that content id"));
            }
        }
        for (EdocAttachment a : p.attachments()) {
            if (a.contentId() != null && !referenced.contains(a.contentId())) {
                errors.add(new Violation(a.field() + "/ContentId", "missing-reference",
                        "attachment " + a.describe() + " is not listed in edXMLManifest"));
            }
        }
    }
}
