package vn.gov.bus.core.edxml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.gov.bus.schemas.edxml.Attachment;
import vn.gov.bus.schemas.edxml.AttachmentEncoded;
import vn.gov.bus.schemas.edxml.Bussiness;
import vn.gov.bus.schemas.edxml.BussinessDocumentInfo;
import vn.gov.bus.schemas.edxml.Code;
import vn.gov.bus.schemas.edxml.DocumentType;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.EdxmlBody;
import vn.gov.bus.schemas.edxml.EdxmlEnvelope;
import vn.gov.bus.schemas.edxml.EdxmlHeader;
import vn.gov.bus.schemas.edxml.EdxmlManifest;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.OrganIdList;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.OtherInfo;
import vn.gov.bus.schemas.edxml.PromulgationInfo;
import vn.gov.bus.schemas.edxml.Receiver;
import vn.gov.bus.schemas.edxml.ReceiverList;
import vn.gov.bus.schemas.edxml.Reference;
import vn.gov.bus.schemas.edxml.ReplacementInfo;
import vn.gov.bus.schemas.edxml.ReplacementInfoList;
import vn.gov.bus.schemas.edxml.ResponseFor;
import vn.gov.bus.schemas.edxml.SignerInfo;
import vn.gov.bus.schemas.edxml.StaffInfo;
import vn.gov.bus.schemas.edxml.ToPlaces;
import vn.gov.bus.schemas.edxml.TraceHeader;
import vn.gov.bus.schemas.edxml.TraceHeaderList;

/**
 * Realistic edXML packages for simulators, tests and benchmarks, written through the strict
 * {@link EdxmlWriter} (so they are exactly what the bus would send).
 *
 * <pre>{@code
 * byte[] edoc = SamplePackages.edoc().from("000.00.00.H53").to("000.00.01.H53").build();
 * byte[] status = SamplePackages.status().from("000.00.01.H53")
 *         .responseFor("000.00.00.H53", "125/UBND-VP", LocalDate.now(), documentId)
 *         .statusCode("03").build();
 * }</pre>
 *
 * Defaults: a Vietnamese subject, content and signer, a DocumentId in the convention
 * {@code {from},{today},{number}/{notation}} with a random number (set one explicitly where
 * uniqueness across very many packages matters), one small PDF-looking attachment, and the
 * sender's TraceHeader stamped now.
 */
public final class SamplePackages {

    /** A handful of real agency codes with their names, to make defaults read naturally. */
    private static final Map<String, String> KNOWN_NAMES = Map.of(
            "000.00.00.G22", "Văn phòng Chính phủ",
            "000.00.00.H53", "Ủy ban nhân dân tỉnh Tây Ninh",
            "000.00.01.H53", "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh",
            "000.00.00.H29", "Ủy ban nhân dân thành phố Hà Nội");

    private static final Map<Integer, String> BUSINESS_REASONS = Map.of(
            0, "Gửi văn bản điện tử mới",
            1, "Thu hồi văn bản do ban hành chưa đúng thẩm quyền",
            2, "Cập nhật thông tin văn bản",
            3, "Thay thế văn bản đã gửi");

    private static final Map<String, String> STATUS_DESCRIPTIONS = Map.of(
            "01", "Văn bản đã đến hệ thống",
            "02", "Từ chối tiếp nhận văn bản",
            "03", "Đã tiếp nhận, vào sổ văn bản đến",
            "04", "Lãnh đạo đã phân công xử lý",
            "05", "Văn bản đang được xử lý",
            "06", "Đã hoàn thành xử lý văn bản",
            "13", "Đề nghị lấy lại văn bản do sai sót về thể thức",
            "15", "Đồng ý cập nhật / lấy lại văn bản",
            "16", "Từ chối cập nhật / lấy lại văn bản");

    private SamplePackages() {
    }

    public static EdocBuilder edoc() {
        return new EdocBuilder(DefaultWriter.INSTANCE);
    }

    public static EdocBuilder edoc(EdxmlWriter writer) {
        return new EdocBuilder(writer);
    }

    public static StatusBuilder status() {
        return new StatusBuilder(DefaultWriter.INSTANCE);
    }

    public static StatusBuilder status(EdxmlWriter writer) {
        return new StatusBuilder(writer);
    }

    /** A few bytes shaped like a one-page PDF (header, catalog, page, trailer). */
    public static byte[] samplePdf(String title) {
        String pdf = "%PDF-1.4\n"
                + "% " + title.replaceAll("[^\\x20-\\x7E]", "?") + "\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n"
                + "%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    /** Lazily built once: schema and JAXB context are costly, the writer itself is stateless. */
    private static final class DefaultWriter {
        static final EdxmlWriter INSTANCE = new EdxmlWriter();
    }

    private static Organization organization(String organId, String name) {
        Organization o = new Organization();
        o.setOrganId(organId);
        o.setOrganName(name != null ? name : KNOWN_NAMES.getOrDefault(organId, "Cơ quan " + organId));
        return o;
    }

    private static ResponseFor responseFor(String organId, String code, LocalDate date, String documentId) {
        ResponseFor r = new ResponseFor();
        r.setOrganId(organId);
        r.setCode(code);
        r.setPromulgationDate(date == null ? null : EdxmlDates.formatDate(date));
        r.setDocumentId(documentId);
        return r;
    }

    private static StaffInfo staffInfo(String department, String staff, String email, String mobile) {
        StaffInfo s = new StaffInfo();
        s.setDepartment(department);
        s.setStaff(staff);
        s.setEmail(email);
        s.setMobile(mobile);
        return s;
    }

    private record AttachmentSpec(String name, String contentType, byte[] data, String description) {
    }

    /** Builder of an edoc package. */
    public static final class EdocBuilder {
        private final EdxmlWriter writer;
        private Instant at;
        private Organization from;
        private final List<Organization> to = new ArrayList<>();
        private String documentId;
        private String codeNumber;
        private String codeNotation = "UBND-VP";
        private String place = "Tây Ninh";
        private LocalDate promulgationDate;
        private String typeCode = "1";
        private String typeName = "Công văn";
        private String subject = "V/v triển khai thực hiện Nghị định số 30/2020/NĐ-CP về công tác văn thư";
        private String content = "Đề nghị các cơ quan, đơn vị nghiên cứu, triển khai thực hiện và báo cáo kết quả"
                + " trước ngày 30 tháng 6.";
        private String competence = "KT. CHỦ TỊCH";
        private String position = "PHÓ CHỦ TỊCH";
        private String signerName = "Nguyễn Thanh Ngọc";
        private LocalDate dueDate;
        private final List<String> toPlaces = new ArrayList<>(List.of("Như trên", "Lưu: VT, VP"));
        private int priority;
        private int steeringType;
        private int businessType;
        private String businessReason;
        private String businessDocumentId;
        private StaffInfo staff = staffInfo("Văn thư", "Trần Thị Bích Ngọc", "vanthu@tayninh.gov.vn", "0912345678");
        private final List<ResponseFor> responseFor = new ArrayList<>();
        private final List<ReplacementInfo> replacements = new ArrayList<>();
        private final List<Receiver> updatedReceivers = new ArrayList<>();
        private final List<AttachmentSpec> attachments = new ArrayList<>();
        private boolean defaultAttachment = true;

        private EdocBuilder(EdxmlWriter writer) {
            this.writer = writer;
        }

        /** Sending time: TraceHeader timestamp, and the default promulgation date (Việt Nam date). */
        public EdocBuilder at(Instant instant) {
            this.at = instant;
            return this;
        }

        public EdocBuilder from(String organId) {
            return from(organId, null);
        }

        public EdocBuilder from(String organId, String name) {
            this.from = organization(organId, name);
            return this;
        }

        public EdocBuilder to(String organId) {
            return to(organId, null);
        }

        public EdocBuilder to(String organId, String name) {
            this.to.add(organization(organId, name));
            return this;
        }

        public EdocBuilder documentId(String id) {
            this.documentId = id;
            return this;
        }

        /** Số and ký hiệu, e.g. {@code code("125", "UBND-VP")}. */
        public EdocBuilder code(String number, String notation) {
            this.codeNumber = number;
            this.codeNotation = notation;
            return this;
        }

        public EdocBuilder promulgation(String place, LocalDate date) {
            this.place = place;
            this.promulgationDate = date;
            return this;
        }

        public EdocBuilder documentType(String type, String name) {
            this.typeCode = type;
            this.typeName = name;
            return this;
        }

        public EdocBuilder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public EdocBuilder content(String content) {
            this.content = content;
            return this;
        }

        public EdocBuilder signer(String competence, String position, String fullName) {
            this.competence = competence;
            this.position = position;
            this.signerName = fullName;
            return this;
        }

        public EdocBuilder dueDate(LocalDate date) {
            this.dueDate = date;
            return this;
        }

        public EdocBuilder toPlace(String place) {
            this.toPlaces.add(place);
            return this;
        }

        public EdocBuilder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public EdocBuilder steeringType(int steeringType) {
            this.steeringType = steeringType;
            return this;
        }

        /** 0 new, 1 revoke, 2 update, 3 replace. */
        public EdocBuilder businessType(int type) {
            this.businessType = type;
            return this;
        }

        public EdocBuilder businessReason(String reason) {
            this.businessReason = reason;
            return this;
        }

        /** Bussiness/DocumentId; defaults to the first ResponseFor's DocumentId for revoke/update. */
        public EdocBuilder businessDocumentId(String id) {
            this.businessDocumentId = id;
            return this;
        }

        public EdocBuilder staff(String department, String staff, String email, String mobile) {
            this.staff = staffInfo(department, staff, email, mobile);
            return this;
        }

        public EdocBuilder responseFor(String organId, String code, LocalDate date, String documentId) {
            this.responseFor.add(SamplePackages.responseFor(organId, code, date, documentId));
            return this;
        }

        /** For replace: the replaced document and the recipients it had. */
        public EdocBuilder replaces(String documentId, String... organIds) {
            ReplacementInfo info = new ReplacementInfo();
            info.setDocumentId(documentId);
            OrganIdList list = new OrganIdList();
            list.getOrganId().addAll(List.of(organIds));
            info.setOrganIdList(list);
            this.replacements.add(info);
            return this;
        }

        /** For update: a recipient added or removed (producer's ReceiverType code). */
        public EdocBuilder updatedReceiver(int receiverType, String organId) {
            Receiver r = new Receiver();
            r.setReceiverType(receiverType);
            r.setOrganId(organId);
            this.updatedReceivers.add(r);
            return this;
        }

        public EdocBuilder attachment(String name, String contentType, byte[] data) {
            return attachment(name, contentType, data, name);
        }

        public EdocBuilder attachment(String name, String contentType, byte[] data, String description) {
            this.attachments.add(new AttachmentSpec(name, contentType, data, description));
            return this;
        }

        /** No attachment at all (the default adds a small PDF when none is given). */
        public EdocBuilder noAttachments() {
            this.defaultAttachment = false;
            this.attachments.clear();
            return this;
        }

        /** Writes the package through the strict writer. */
        public byte[] build() {
            return writer.write(toEdxml());
        }

        /** Writes the package and returns it as a package (DOM kept, for signing or inspection). */
        public EdocPackage buildPackage() {
            return writer.toPackage(toEdxml());
        }

        /** The JAXB model, not yet validated (for tests that need to break it on purpose). */
        public Edxml toEdxml() {
            Instant sent = at != null ? at : Instant.now();
            LocalDate today = sent.atZone(EdxmlDates.ZONE).toLocalDate();
            LocalDate promulgated = promulgationDate != null ? promulgationDate : today;
            String number = codeNumber != null ? codeNumber
                    : Long.toString(ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L));
            String senderId = from == null ? null : from.getOrganId();

            MessageHeader header = new MessageHeader();
            header.setFrom(from);
            header.getTo().addAll(to);
            header.setDocumentId(documentId != null ? documentId
                    : senderId == null ? null : DocumentIds.conventional(senderId, promulgated, number, codeNotation));
            Code code = new Code();
            code.setCodeNumber(number);
            code.setCodeNotation(codeNotation);
            header.setCode(code);
            PromulgationInfo promulgation = new PromulgationInfo();
            promulgation.setPlace(place);
            promulgation.setPromulgationDate(EdxmlDates.formatDate(promulgated));
            header.setPromulgationInfo(promulgation);
            DocumentType type = new DocumentType();
            type.setType(typeCode);
            type.setTypeName(typeName);
            header.setDocumentType(type);
            header.setSubject(subject);
            header.setContent(content);
            SignerInfo signer = new SignerInfo();
            signer.setCompetence(competence);
            signer.setPosition(position);
            signer.setFullName(signerName);
            header.setSignerInfo(signer);
            if (dueDate != null) {
                header.setDueDate(EdxmlDates.formatDate(dueDate));
            }
            if (!toPlaces.isEmpty()) {
                ToPlaces places = new ToPlaces();
                places.getPlace().addAll(toPlaces);
                header.setToPlaces(places);
            }
            OtherInfo other = new OtherInfo();
            other.setPriority(priority);
            other.setSphereOfPromulgation("Lưu hành nội bộ");
            other.setTyperNotation("VT");
            other.setPromulgationAmount(1);
            other.setPageAmount(1);
            other.setDirection(false);
            header.setOtherInfo(other);
            header.getResponseFor().addAll(responseFor);
            header.setSteeringType(steeringType);

            TraceHeaderList traces = new TraceHeaderList();
            TraceHeader first = new TraceHeader();
            first.setOrganId(senderId);
            first.setTimestamp(EdxmlDates.formatTimestamp(sent));
            traces.getTraceHeader().add(first);
            traces.setBussiness(business());

            EdxmlHeader edxmlHeader = new EdxmlHeader();
            edxmlHeader.setMessageHeader(header);
            edxmlHeader.setTraceHeaderList(traces);

            List<AttachmentSpec> files = new ArrayList<>(attachments);
            if (files.isEmpty() && defaultAttachment) {
                files.add(new AttachmentSpec("van-ban-" + number + ".pdf", "application/pdf",
                        samplePdf("Cong van " + number + "/" + codeNotation), "Văn bản điện tử"));
            }
            EdxmlManifest manifest = new EdxmlManifest();
            manifest.setVersion("1.0");
            AttachmentEncoded encoded = new AttachmentEncoded();
            for (AttachmentSpec file : files) {
                String contentId = "cid:" + UUID.randomUUID();
                Reference ref = new Reference();
                ref.setContentId(contentId);
                ref.setContentType(file.contentType());
                ref.setDescription(file.description());
                ref.setAttachmentName(file.name());
                manifest.getReference().add(ref);
                Attachment attachment = new Attachment();
                attachment.setContentId(contentId);
                attachment.setAttachmentName(file.name());
                attachment.setDescription(file.description());
                attachment.setContentType(file.contentType());
                attachment.setContentTransferEncoded(Base64.getEncoder().encodeToString(file.data()));
                encoded.getAttachment().add(attachment);
            }
            EdxmlBody body = new EdxmlBody();
            body.setEdXMLManifest(manifest);

            EdxmlEnvelope envelope = new EdxmlEnvelope();
            envelope.setEdXMLHeader(edxmlHeader);
            envelope.setEdXMLBody(body);
            Edxml root = new Edxml();
            root.setEdXMLEnvelope(envelope);
            root.setAttachmentEncoded(encoded);
            return root;
        }

        private Bussiness business() {
            Bussiness b = new Bussiness();
            String targetId = businessDocumentId;
            if (targetId == null && (businessType == 1 || businessType == 2) && !responseFor.isEmpty()) {
                targetId = responseFor.get(0).getDocumentId();
            }
            b.setDocumentId(targetId);
            b.setBussinessDocType(businessType);
            b.setBussinessDocReason(businessReason != null ? businessReason
                    : BUSINESS_REASONS.getOrDefault(businessType, "Gửi văn bản"));
            b.setPaper(0);
            b.setStaffInfo(staff);
            if (businessType == 2) {
                BussinessDocumentInfo info = new BussinessDocumentInfo();
                info.setDocumentInfo(1);
                info.setDocumentReceiver(updatedReceivers.isEmpty() ? 0 : 1);
                if (!updatedReceivers.isEmpty()) {
                    ReceiverList receivers = new ReceiverList();
                    receivers.getReceiver().addAll(updatedReceivers);
                    info.setReceiverList(receivers);
                }
                b.setBussinessDocumentInfo(info);
            }
            if (businessType == 3) {
                List<ReplacementInfo> infos = new ArrayList<>(replacements);
                if (infos.isEmpty() && !responseFor.isEmpty()) {
                    ReplacementInfo info = new ReplacementInfo();
                    info.setDocumentId(responseFor.get(0).getDocumentId());
                    OrganIdList organs = new OrganIdList();
                    to.forEach(o -> organs.getOrganId().add(o.getOrganId()));
                    info.setOrganIdList(organs);
                    infos.add(info);
                }
                if (!infos.isEmpty()) {
                    ReplacementInfoList list = new ReplacementInfoList();
                    list.getReplacementInfo().addAll(infos);
                    b.setReplacementInfoList(list);
                }
            }
            return b;
        }
    }

    /** Builder of a status package (header only). */
    public static final class StatusBuilder {
        private final EdxmlWriter writer;
        private Instant at;
        private Organization from;
        private final List<ResponseFor> responseFor = new ArrayList<>();
        private String statusCode = StatusCodes.ARRIVED;
        private String description;
        private StaffInfo staff = staffInfo("Văn thư", "Lê Văn Hùng", "vanthu@tayninh.gov.vn", "0987654321");

        private StatusBuilder(EdxmlWriter writer) {
            this.writer = writer;
        }

        /** Time of the status (MessageHeader/Timestamp). */
        public StatusBuilder at(Instant instant) {
            this.at = instant;
            return this;
        }

        public StatusBuilder from(String organId) {
            return from(organId, null);
        }

        public StatusBuilder from(String organId, String name) {
            this.from = organization(organId, name);
            return this;
        }

        /** The document reported on: its sender, code ("number/notation"), date and DocumentId. */
        public StatusBuilder responseFor(String organId, String code, LocalDate date, String documentId) {
            this.responseFor.add(SamplePackages.responseFor(organId, code, date, documentId));
            return this;
        }

        public StatusBuilder statusCode(String code) {
            this.statusCode = code;
            return this;
        }

        public StatusBuilder description(String description) {
            this.description = description;
            return this;
        }

        public StatusBuilder staff(String department, String staff) {
            return staff(department, staff, null, null);
        }

        public StatusBuilder staff(String department, String staff, String email, String mobile) {
            this.staff = staffInfo(department, staff, email, mobile);
            return this;
        }

        public byte[] build() {
            return writer.write(toEdxml());
        }

        public EdocPackage buildPackage() {
            return writer.toPackage(toEdxml());
        }

        public Edxml toEdxml() {
            ResponseFor answered = responseFor.isEmpty() ? new ResponseFor() : responseFor.get(0);
            Edxml root = StatusPackages.toEdxml(new StatusPackages.Spec(from.getOrganId(), from.getOrganName(),
                    new EdocPackage.DocumentReference(answered.getOrganId(), answered.getCode(),
                            answered.getPromulgationDate(), answered.getDocumentId()),
                    statusCode, description != null ? description
                            : STATUS_DESCRIPTIONS.getOrDefault(statusCode, "Trạng thái " + statusCode),
                    staff.getDepartment(), staff.getStaff(), at != null ? at : Instant.now()));
            MessageHeader header = root.getEdXMLEnvelope().getEdXMLHeader().getMessageHeader();
            // the sample builder may carry several ResponseFor and full staff details
            header.getResponseFor().clear();
            header.getResponseFor().addAll(responseFor);
            header.setStaffInfo(staff);
            return root;
        }
    }
}
