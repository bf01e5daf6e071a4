package vn.gov.bus.app.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is acting through the administration API. The seam for issue 8 (Spring Security): until it
 * lands, the interim implementation takes the name an operator gives in the {@code X-Bus-Operator}
 * header, which proves nothing — the API must not be exposed beyond the operators' network.
 */
public interface OperatorIdentity {

    /** The operator's name for the audit trail; throws {@link MissingOperatorException} when unknown. */
    String operator(HttpServletRequest request);

    class MissingOperatorException extends RuntimeException {
        public MissingOperatorException(String message) {
            super(message);
        }
    }
}
