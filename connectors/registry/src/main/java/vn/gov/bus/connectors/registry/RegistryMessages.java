package vn.gov.bus.connectors.registry;

import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.transport.http.HTTPException;
import vn.gov.bus.schemas.registry.LookupBranch;
import vn.gov.bus.schemas.registry.LookupEnterprise;
import vn.gov.bus.schemas.registry.LookupResponse;
import vn.gov.bus.schemas.registry.LookupResult;
import vn.gov.bus.schemas.registry.RegistryFault;

/** Between an {@link EnterpriseCode} and the registry's request and response messages. */
public final class RegistryMessages {

    private RegistryMessages() {
    }

    /** Body {@link EnterpriseCode} → the operation and request for {@link RegistryEndpoints}. */
    public static void toRequest(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        EnterpriseCode code = exchange.getMessage().getMandatoryBody(EnterpriseCode.class);
        if (code.kind() == CodeKind.BRANCH) {
            LookupBranch request = new LookupBranch();
            request.setBranchCode(code.value());
            exchange.getMessage().setHeader(CxfConstants.OPERATION_NAME, "LookupBranch");
            exchange.getMessage().setBody(List.of(request));
        } else {
            LookupEnterprise request = new LookupEnterprise();
            request.setEnterpriseCode(code.value());
            exchange.getMessage().setHeader(CxfConstants.OPERATION_NAME, "LookupEnterprise");
            exchange.getMessage().setBody(List.of(request));
        }
    }

    /** The registry's {@link LookupResponse} → {@link RegistryAnswer}. */
    public static RegistryAnswer toAnswer(LookupResponse response, String code) {
        if (response.getResult() == LookupResult.FOUND && response.getEnterprise() != null) {
            return new RegistryAnswer.Found(RegistryRecords.toEnterprise(response.getEnterprise()));
        }
        return new RegistryAnswer.NotFound(code);
    }

    /** A declared registry fault as the bus's exception (the retry and breaker see this one). */
    public static RegistryFailureException toFailure(RegistryFault fault) {
        String code = fault.getFaultInfo() == null ? RegistryFailureException.INTERNAL : fault.getFaultInfo().getCode();
        String message = fault.getFaultInfo() == null ? fault.getMessage() : fault.getFaultInfo().getMessage();
        return new RegistryFailureException(code, message, fault);
    }

    /**
     * A fault the registry would give again to the same request ({@link
     * RegistryFailureException#transientFailure()} false), found among a failed call's causes; empty
     * for any other failure.
     */
    public static Optional<RegistryAnswer.Rejected> toRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryFault fault) {
                RegistryFailureException f = toFailure(fault);
                return f.transientFailure() ? Optional.empty()
                        : Optional.of(new RegistryAnswer.Rejected(f.code(), f.getMessage()));
            }
        }
        return Optional.empty();
    }

    /**
     * A call the registry refused (HTTP 401: the credentials; 403: this account may not look up),
     * found among a failed call's causes; empty for any other failure.
     */
    public static Optional<RegistryAnswer.Refused> toRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HTTPException http
                    && (http.getResponseCode() == 401 || http.getResponseCode() == 403)) {
                String why = http.getResponseCode() == 401 ? "the bus's credentials were refused"
                        : "the bus's account may not use this service";
                return Optional.of(new RegistryAnswer.Refused(http.getResponseCode(), "HTTP "
                        + http.getResponseCode() + " from " + http.getUrl() + ": " + why));
            }
        }
        return Optional.empty();
    }
}
