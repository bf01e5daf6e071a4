package vn.gov.bus.core.edxml;

import java.time.Instant;
import vn.gov.bus.core.edxml.EdocPackage.DocumentReference;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.EdxmlEnvelope;
import vn.gov.bus.schemas.edxml.EdxmlHeader;
import vn.gov.bus.schemas.edxml.MessageHeader;
import vn.gov.bus.schemas.edxml.Organization;
import vn.gov.bus.schemas.edxml.ResponseFor;
import vn.gov.bus.schemas.edxml.StaffInfo;

/**
 * Status packages (QCVN 102:2016 "gói tin trạng thái") that the bus itself issues, e.g. status 01
 * when a local system confirms it has received a document. Written through {@link EdxmlWriter},
 * so they are as strict as every package the bus emits.
 */
public final class StatusPackages {

    /**
     * @param from        the agency whose status this is (the recipient of the document)
     * @param answered    the document the status is about: its sender, code, date and DocumentId
     * @param statusCode  two digits, see {@link StatusCodes}
     * @param description free text (the reason, for a rejection)
     * @param department  StaffInfo/Department of who (or what) set the status
     * @param staff       StaffInfo/Staff
     * @param at          MessageHeader/Timestamp
     */
    public record Spec(String fromOrganId, String fromOrganName, DocumentReference answered, String statusCode,
                       String description, String department, String staff, Instant at) {
    }

    private final EdxmlWriter writer;

    public StatusPackages(EdxmlWriter writer) {
        this.writer = writer;
    }

    public byte[] write(Spec spec) {
        return writer.write(toEdxml(spec));
    }

    static Edxml toEdxml(Spec spec) {
        Organization from = new Organization();
        from.setOrganId(spec.fromOrganId());
        from.setOrganName(spec.fromOrganName());
        ResponseFor responseFor = new ResponseFor();
        responseFor.setOrganId(spec.answered().organId());
        responseFor.setCode(spec.answered().code());
        responseFor.setPromulgationDate(spec.answered().promulgationDate());
        responseFor.setDocumentId(spec.answered().documentId());
        StaffInfo staff = new StaffInfo();
        staff.setDepartment(spec.department());
        staff.setStaff(spec.staff());

        MessageHeader header = new MessageHeader();
        header.setFrom(from);
        header.getResponseFor().add(responseFor);
        header.setStaffInfo(staff);
        header.setStatusCode(spec.statusCode());
        header.setDescription(spec.description());
        header.setTimestamp(EdxmlDates.formatTimestamp(spec.at()));
        EdxmlHeader edxmlHeader = new EdxmlHeader();
        edxmlHeader.setMessageHeader(header);
        EdxmlEnvelope envelope = new EdxmlEnvelope();
        envelope.setEdXMLHeader(edxmlHeader);
        Edxml root = new Edxml();
        root.setEdXMLEnvelope(envelope);
        return root;
    }
}
