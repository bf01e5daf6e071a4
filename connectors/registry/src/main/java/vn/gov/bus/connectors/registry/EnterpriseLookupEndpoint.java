package vn.gov.bus.connectors.registry;

import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.schemas.enterprise.Address;
import vn.gov.bus.schemas.enterprise.BusinessLine;
import vn.gov.bus.schemas.enterprise.CallerCredentials;
import vn.gov.bus.schemas.enterprise.EnterpriseLookup;
import vn.gov.bus.schemas.enterprise.Freshness;
import vn.gov.bus.schemas.enterprise.GetEnterprise;
import vn.gov.bus.schemas.enterprise.GetEnterpriseResponse;
import vn.gov.bus.schemas.enterprise.LookupFault;
import vn.gov.bus.schemas.enterprise.LookupFaultDetail;

/**
 * The bus's enterprise lookup for legacy SOAP callers ({@code enterprise-lookup.wsdl}): the same
 * operation as REST {@code GET /api/v1/enterprises/{code}}, through the same
 * {@link CallerAuthenticator} and {@link EnterpriseLookupBackend}. Every refusal is the declared
 * {@code LookupFault} with code, field, rule and both languages.
 */
@WebService(
        serviceName = "EnterpriseLookupService",
        portName = "EnterpriseLookupPort",
        targetNamespace = "urn:vn:gov:bus:enterprise:1",
        endpointInterface = "vn.gov.bus.schemas.enterprise.EnterpriseLookup",
        wsdlLocation = "classpath:wsdl/enterprise-lookup.wsdl")
public class EnterpriseLookupEndpoint implements EnterpriseLookup {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseLookupEndpoint.class);
    private static final DatatypeFactory DATATYPES = newDatatypeFactory();

    private final EnterpriseLookupBackend backend;
    private final CallerAuthenticator authenticator;

    public EnterpriseLookupEndpoint(EnterpriseLookupBackend backend, CallerAuthenticator authenticator) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public GetEnterpriseResponse getEnterprise(GetEnterprise request, CallerCredentials credentials)
            throws LookupFault {
        String origin = remoteAddress();
        String caller = authenticate(credentials, origin);
        try {
            LookupAnswer answer = backend.lookup(new LookupRequest(caller, origin, "code", request.getCode()));
            return response(answer);
        } catch (InvalidEnterpriseCodeException e) {
            throw fault("INVALID_CODE", e.field(), e.rule(), e.getMessage(), e.messageVi(), null);
        } catch (EnterpriseNotFoundException e) {
            throw fault("NOT_FOUND", "code", "registered", e.getMessage(), e.messageVi(), null);
        } catch (RegistryUnavailableException e) {
            throw fault("UNAVAILABLE", null, null, e.getMessage(), e.messageVi(), e.retryAfter());
        } catch (RegistryAccessRefusedException e) {
            throw fault("REGISTRY_REFUSED", null, null, e.getMessage(), e.messageVi(), null);
        } catch (RegistryRequestRejectedException e) {
            throw fault("REGISTRY_REJECTED", null, null, e.getMessage(), e.messageVi(), null);
        }
    }

    private String authenticate(CallerCredentials credentials, String origin) throws LookupFault {
        Optional<String> caller = credentials == null ? Optional.empty()
                : authenticator.authenticate(credentials.getToken());
        // the token names the system; a header claiming another system is refused like a wrong token
        if (caller.isEmpty() || !caller.get().equals(credentials.getSystemId())) {
            String claimed = credentials == null ? null : credentials.getSystemId();
            log.info("enterprise lookup refused: unknown token or system id {} from {}", claimed, origin);
            backend.authenticationFailed(claimed, origin);
            throw fault("AUTH_FAILED", "CallerCredentials", "known-caller",
                    "Authentication failed: unknown system id or wrong token",
                    "Xác thực không thành công: mã hệ thống hoặc mã xác thực không đúng", null);
        }
        return caller.get();
    }

    /** The caller's address, for the audit log (null outside an HTTP call). */
    private static String remoteAddress() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object request = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? http.getRemoteAddr() : null;
    }

    private static GetEnterpriseResponse response(LookupAnswer answer) {
        Enterprise e = answer.enterprise();
        vn.gov.bus.schemas.enterprise.Enterprise out = new vn.gov.bus.schemas.enterprise.Enterprise();
        out.setCode(e.code());
        out.setKind(e.kind().name());
        out.setParentCode(e.parentCode());
        out.setNameVi(e.nameVi());
        out.setNameEn(e.nameEn());
        out.setShortName(e.shortName());
        if (e.address() != null) {
            Address address = new Address();
            address.setStreet(e.address().street());
            address.setWard(e.address().ward());
            address.setDistrict(e.address().district());
            address.setProvince(e.address().province());
            address.setFullAddress(e.address().fullAddress());
            out.setAddress(address);
        }
        if (e.legalRepresentative() != null) {
            out.setLegalRepresentativeName(e.legalRepresentative().fullName());
            out.setLegalRepresentativePosition(e.legalRepresentative().position());
        }
        out.setLegalFormCode(e.legalFormCode());
        out.setLegalFormName(e.legalFormName());
        out.setStatus(e.status().name());
        out.setRegistrationDate(RegistryRecords.toXml(e.registrationDate()));
        out.setLastChangeDate(RegistryRecords.toXml(e.lastChangeDate()));
        out.setChangeCount(e.changeCount());
        e.mainBusinessLine().map(EnterpriseLookupEndpoint::line).ifPresent(out::setMainBusinessLine);
        e.businessLines().stream().map(EnterpriseLookupEndpoint::line).forEach(out.getBusinessLine()::add);
        Freshness freshness = new Freshness();
        freshness.setSource(answer.source().name());
        freshness.setStale(answer.stale());
        freshness.setFetchedAt(DATATYPES.newXMLGregorianCalendar(answer.fetchedAt().toString()));
        freshness.setAgeSeconds(answer.age().toSeconds());
        GetEnterpriseResponse response = new GetEnterpriseResponse();
        response.setEnterprise(out);
        response.setFreshness(freshness);
        return response;
    }

    private static BusinessLine line(Enterprise.BusinessLine line) {
        BusinessLine out = new BusinessLine();
        out.setCode(line.code());
        out.setName(line.name());
        out.setMain(line.main());
        return out;
    }

    private static LookupFault fault(String code, String field, String rule, String message, String messageVi,
                                     Duration retryAfter) {
        LookupFaultDetail detail = new LookupFaultDetail();
        detail.setCode(code);
        detail.setField(field);
        detail.setRule(rule);
        detail.setMessage(message);
        detail.setMessageVi(messageVi);
        detail.setRetryAfterSeconds(retryAfter == null ? null : Math.max(1, retryAfter.toSeconds()));
        return new LookupFault(message, detail);
    }

    private static DatatypeFactory newDatatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK provides a DatatypeFactory", e);
        }
    }
}
