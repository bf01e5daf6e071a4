package vn.gov.bus.connectors.qlvb;

import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.schemas.hub.HubFault;

/**
 * Gives faults raised by CXF itself, before the service is called, the same
 * {@code HubFaultDetail} as the service's own faults, so a caller always learns a code, a field
 * and a rule: a request over the size limits, a DOCTYPE, an envelope that is not XML, a body that
 * does not follow hub.wsdl. A server-side failure inside CXF becomes {@code UNAVAILABLE} with an
 * incident id, like one inside the service. Caller errors are {@code soap:Client}, UNAVAILABLE is
 * {@code soap:Server}.
 */
public final class HubFaultClassifier extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(HubFaultClassifier.class);
    private static final String ENVELOPE = "(envelope)";

    private final HubLimits limits;

    public HubFaultClassifier(HubLimits limits) {
        super(Phase.PRE_LOGICAL);
        this.limits = limits;
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        Throwable cause = fault.getCause();
        if (cause instanceof HubFault hubFault) {
            String code = hubFault.getFaultInfo() == null ? null : hubFault.getFaultInfo().getCode();
            fault.setFaultCode(HubFaults.isCallerError(code) ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
            return;
        }
        if (cause instanceof HubRejection) {
            return;
        }
        HubFaults.fill(fault, classify(fault));
    }

    private HubRejection classify(Fault fault) {
        if (DocumentHubEndpoint.causedBy(fault, MessageTooLargeException.class)) {
            return new HubRejection(HubErrorCode.ATTACHMENT_TOO_LARGE, "(request)",
                    "max-message-bytes=" + limits.maxMessageBytes(),
                    "The request is larger than " + limits.maxMessageBytes() + " bytes");
        }
        if (DocumentHubEndpoint.causedBy(fault, CacheSizeExceededException.class)) {
            // CXF's attachment-max-size, which is the package limit: one attachment, one package.
            return new HubRejection(HubErrorCode.ATTACHMENT_TOO_LARGE, "package",
                    "max-package-bytes=" + limits.maxPackageBytes(),
                    "An attachment is larger than " + limits.maxPackageBytes() + " bytes");
        }
        XMLStreamException parseError = find(fault, XMLStreamException.class);
        if (parseError != null) {
            return classifyParseError(parseError);
        }
        if (isClientFault(fault.getFaultCode())) {
            // CXF's own words about the body (unknown operation, unexpected element) are about
            // the caller's request, so they are safe and useful to return.
            return new HubRejection(HubErrorCode.SCHEMA_INVALID, "(body)", "hub.wsdl", fault.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Hub request failed inside CXF, incident {}", incident, fault);
        return new HubRejection(HubErrorCode.UNAVAILABLE, null, null,
                "The hub cannot process the request now; retry later (incident " + incident + ")");
    }

    /** Woodstox reports both well-formedness errors and its configured limits this way. */
    private HubRejection classifyParseError(XMLStreamException error) {
        String text = String.valueOf(error.getMessage());
        if (text.contains("DTD")) {
            return new HubRejection(HubErrorCode.DTD_FORBIDDEN, ENVELOPE, "no-doctype",
                    "The hub does not accept a DOCTYPE in a request");
        }
        if (text.contains("Text size limit")) {
            return new HubRejection(HubErrorCode.ATTACHMENT_TOO_LARGE, "package",
                    "max-package-bytes=" + limits.maxPackageBytes(),
                    "The inline package is larger than " + limits.maxPackageBytes() + " bytes");
        }
        String firstLine = text.lines().findFirst().orElse(text);
        return new HubRejection(HubErrorCode.MALFORMED_XML, ENVELOPE, "well-formed-xml-within-limits",
                "The request is not well-formed XML or exceeds the envelope limits: " + firstLine);
    }

    private static boolean isClientFault(QName faultCode) {
        return faultCode != null && "client".equalsIgnoreCase(faultCode.getLocalPart());
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
