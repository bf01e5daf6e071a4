package vn.gov.bus.connectors.qlvb;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;
import org.apache.cxf.attachment.ByteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.schemas.hub.AgencyCredentials;
import vn.gov.bus.schemas.hub.ConfirmReceived;
import vn.gov.bus.schemas.hub.ConfirmReceivedResponse;
import vn.gov.bus.schemas.hub.DocumentHub;
import vn.gov.bus.schemas.hub.GetDocument;
import vn.gov.bus.schemas.hub.GetDocumentResponse;
import vn.gov.bus.schemas.hub.GetOrganizations;
import vn.gov.bus.schemas.hub.GetOrganizationsResponse;
import vn.gov.bus.schemas.hub.GetPendingDocumentIds;
import vn.gov.bus.schemas.hub.GetPendingDocumentIdsResponse;
import vn.gov.bus.schemas.hub.HubFault;
import vn.gov.bus.schemas.hub.MessageType;
import vn.gov.bus.schemas.hub.SendDocument;
import vn.gov.bus.schemas.hub.SendDocumentResponse;

/**
 * The hub's SOAP service for local document systems ({@code hub.wsdl}). Each call is
 * authenticated first, then its request is checked for shape, then {@link HubBackend} does
 * the work. A {@link HubRejection} becomes the declared {@code HubFault}; anything unexpected
 * becomes {@code UNAVAILABLE} with an incident id, logged here, never shown to the caller.
 */
@WebService(
        serviceName = "DocumentHubService",
        portName = "DocumentHubPort",
        targetNamespace = "urn:vn:gov:bus:hub:1",
        endpointInterface = "vn.gov.bus.schemas.hub.DocumentHub",
        wsdlLocation = "classpath:wsdl/hub.wsdl")
@MTOM
public class DocumentHubEndpoint implements DocumentHub {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentHubEndpoint.class);

    /** Same bounds as the OrganId, AgencyCredentials/token and Identifier types of hub.wsdl. */
    static final int MAX_ORGAN_ID_LENGTH = 64;
    static final int MAX_TOKEN_LENGTH = 512;
    static final int MAX_ID_LENGTH = 128;

    private static final String OCTET_STREAM = "application/octet-stream";

    private final HubBackend backend;
    private final HubAuthenticator authenticator;
    private final HubLimits limits;

    public DocumentHubEndpoint(HubBackend backend, HubAuthenticator authenticator, HubLimits limits) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public HubLimits limits() {
        return limits;
    }

    @Override
    public SendDocumentResponse sendDocument(SendDocument request, AgencyCredentials credentials) throws HubFault {
        return answer("SendDocument", credentials, organId -> {
            MessageType type = requireMessageType(request.getMessageType());
            byte[] pkg = readPackage(request.getPackage());
            SendReceipt receipt = backend.send(organId, type.value(), pkg);
            SendDocumentResponse response = new SendDocumentResponse();
            response.setMessageId(receipt.messageId());
            response.setDocumentId(receipt.documentId());
            response.setReceivedAt(XmlDateTimes.toXml(receipt.receivedAt()));
            return response;
        });
    }

    @Override
    public GetPendingDocumentIdsResponse getPendingDocumentIds(GetPendingDocumentIds request,
                                                               AgencyCredentials credentials) throws HubFault {
        return answer("GetPendingDocumentIds", credentials, organId -> {
            GetPendingDocumentIdsResponse response = new GetPendingDocumentIdsResponse();
            for (PendingItem pending : backend.pending(organId)) {
                vn.gov.bus.schemas.hub.PendingItem item = new vn.gov.bus.schemas.hub.PendingItem();
                item.setId(pending.id());
                item.setDocumentId(pending.documentId());
                item.setFrom(pending.from());
                item.setMessageType(MessageType.fromValue(pending.messageType()));
                item.setReceivedAt(XmlDateTimes.toXml(pending.receivedAt()));
                response.getItem().add(item);
            }
            return response;
        });
    }

    @Override
    public GetDocumentResponse getDocument(GetDocument request, AgencyCredentials credentials) throws HubFault {
        return answer("GetDocument", credentials, organId -> {
            PendingDocument document = backend.fetch(organId, requireId(request.getId()));
            GetDocumentResponse response = new GetDocumentResponse();
            response.setMessageType(MessageType.fromValue(document.messageType()));
            response.setPackage(new DataHandler(new ByteDataSource(document.pkg(), OCTET_STREAM)));
            return response;
        });
    }

    @Override
    public ConfirmReceivedResponse confirmReceived(ConfirmReceived request, AgencyCredentials credentials)
            throws HubFault {
        return answer("ConfirmReceived", credentials, organId -> {
            backend.confirmReceived(organId, requireId(request.getId()));
            ConfirmReceivedResponse response = new ConfirmReceivedResponse();
            response.setAck(true);
            return response;
        });
    }

    @Override
    public GetOrganizationsResponse getOrganizations(GetOrganizations request, AgencyCredentials credentials)
            throws HubFault {
        return answer("GetOrganizations", credentials, organId -> {
            GetOrganizationsResponse response = new GetOrganizationsResponse();
            for (Organization organization : backend.organizations()) {
                vn.gov.bus.schemas.hub.Organization out = new vn.gov.bus.schemas.hub.Organization();
                out.setOrganId(organization.organId());
                out.setName(organization.name());
                out.setChannel(organization.channel());
                response.getOrganization().add(out);
            }
            return response;
        });
    }

    @FunctionalInterface
    private interface HubCall<T> {
        T apply(String authenticatedOrganId) throws HubRejection;
    }

    private <T> T answer(String operation, AgencyCredentials credentials, HubCall<T> call) throws HubFault {
        try {
            return call.apply(authenticate(operation, credentials));
        } catch (HubRejection rejection) {
            throw HubFaults.toSoapFault(rejection);
        } catch (RuntimeException unexpected) {
            // The caller gets an incident id to quote; the operator finds the cause in the log.
            String incident = UUID.randomUUID().toString();
            LOG.error("Hub operation {} failed unexpectedly, incident {}", operation, incident, unexpected);
            throw HubFaults.toSoapFault(new HubRejection(HubErrorCode.UNAVAILABLE, null, null,
                    "The hub cannot process the request now; retry later (incident " + incident + ")"));
        }
    }

    private String authenticate(String operation, AgencyCredentials credentials) throws HubRejection {
        String organId = credentials == null ? null : credentials.getOrganId();
        String token = credentials == null ? null : credentials.getToken();
        boolean wellFormed = organId != null && token != null
                && organId.length() <= MAX_ORGAN_ID_LENGTH && token.length() <= MAX_TOKEN_LENGTH;
        if (wellFormed && authenticator.authenticate(organId, token)) {
            return organId;
        }
        LOG.warn("Hub operation {} refused: credentials not accepted for organ '{}'", operation, printable(organId));
        // One answer for a missing header, an unknown organ and a wrong token: no probing.
        throw new HubRejection(HubErrorCode.AUTH_FAILED, "AgencyCredentials", "valid-agency-credentials",
                "The agency credentials were not accepted");
    }

    private static MessageType requireMessageType(MessageType type) throws HubRejection {
        if (type == null) {
            // JAXB maps a value outside the enumeration to null as well as an absent element.
            throw new HubRejection(HubErrorCode.SCHEMA_INVALID, "messageType", "enumeration(EDOC|STATUS)",
                    "messageType must be EDOC or STATUS");
        }
        return type;
    }

    private static String requireId(String id) throws HubRejection {
        if (id == null || id.isBlank()) {
            throw new HubRejection(HubErrorCode.SCHEMA_INVALID, "id", "required", "id is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new HubRejection(HubErrorCode.FIELD_TOO_LONG, "id", "maxLength=" + MAX_ID_LENGTH,
                    "id has " + id.length() + " characters; at most " + MAX_ID_LENGTH + " are allowed");
        }
        return id;
    }

    /**
     * Reads the package with a bound: an MTOM attachment is streamed lazily by CXF, so the bound
     * holds before the whole attachment is in memory.
     */
    private byte[] readPackage(DataHandler handler) throws HubRejection {
        if (handler == null) {
            throw new HubRejection(HubErrorCode.SCHEMA_INVALID, "package", "required", "package is required");
        }
        long max = limits.maxPackageBytes();
        byte[] pkg;
        try (InputStream in = handler.getInputStream()) {
            pkg = in.readNBytes(Math.toIntExact(max + 1));
        } catch (IOException e) {
            if (causedBy(e, MessageTooLargeException.class)) {
                throw packageTooLarge(max);
            }
            LOG.warn("Hub could not read a package attachment: {}", e.toString());
            throw new HubRejection(HubErrorCode.MALFORMED_REQUEST, "package", "readable-attachment",
                    "The package could not be read from the request (truncated or broken MIME part)");
        }
        if (pkg.length > max) {
            throw packageTooLarge(max);
        }
        if (pkg.length == 0) {
            throw new HubRejection(HubErrorCode.SCHEMA_INVALID, "package", "required", "package is empty");
        }
        return pkg;
    }

    private static HubRejection packageTooLarge(long max) {
        return new HubRejection(HubErrorCode.ATTACHMENT_TOO_LARGE, "package", "max-package-bytes=" + max,
                "The package is larger than " + max + " bytes");
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Caller-supplied text bound for the log: no line breaks or control characters, bounded length. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > MAX_ORGAN_ID_LENGTH ? value.substring(0, MAX_ORGAN_ID_LENGTH) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
