package vn.gov.bus.connectors.qlvb;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.apache.cxf.interceptor.Fault;
import org.w3c.dom.Element;
import vn.gov.bus.schemas.hub.HubFault;
import vn.gov.bus.schemas.hub.HubFaultDetail;

/** Builds the {@code HubFault} SOAP fault, from the service and from CXF interceptors alike. */
final class HubFaults {

    private static final JAXBContext DETAIL_CONTEXT = newContext();

    private HubFaults() {
    }

    static HubFaultDetail detail(HubRejection rejection) {
        HubFaultDetail detail = new HubFaultDetail();
        detail.setCode(rejection.code());
        detail.setField(rejection.field());
        detail.setRule(rejection.rule());
        detail.setMessage(rejection.getMessage());
        detail.setMessageVi(HubFaultMessages.vietnamese(rejection));
        return detail;
    }

    /** The declared fault, thrown by {@link DocumentHubEndpoint}. */
    static HubFault toSoapFault(HubRejection rejection) {
        return new HubFault(rejection.getMessage(), detail(rejection));
    }

    /**
     * The same fault raised from an interceptor, before or outside the service call: the detail
     * element is what clients match on, so a generated client still receives a {@code HubFault}.
     */
    static Fault asCxfFault(HubRejection rejection) {
        Fault fault = new Fault(rejection);
        fill(fault, rejection);
        return fault;
    }

    /** Replaces the fault's message and detail with the rejection's. */
    static void fill(Fault fault, HubRejection rejection) {
        fault.setMessage(rejection.getMessage());
        fault.setFaultCode(isCallerError(rejection.code()) ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
        Element detail = fault.getOrCreateDetail();
        while (detail.hasChildNodes()) {
            detail.removeChild(detail.getFirstChild());
        }
        try {
            DETAIL_CONTEXT.createMarshaller().marshal(detail(rejection), detail);
        } catch (JAXBException e) {
            throw new IllegalStateException("HubFaultDetail is a generated JAXB type and always marshals", e);
        }
    }

    static boolean isCallerError(String code) {
        return !HubErrorCode.UNAVAILABLE.name().equals(code);
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(HubFaultDetail.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build the JAXB context of HubFaultDetail", e);
        }
    }
}
