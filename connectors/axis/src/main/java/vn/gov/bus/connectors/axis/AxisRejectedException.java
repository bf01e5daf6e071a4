package vn.gov.bus.connectors.axis;

/**
 * The axis refused the request (answer {@code status: FAIL}, or HTTP 4xx other than 429):
 * sending the same request again gives the same answer, so it must not be retried.
 */
public final class AxisRejectedException extends AxisException {

    private final String errorCode;
    private final String errorDesc;

    public AxisRejectedException(String operation, int httpStatus, String errorCode, String errorDesc) {
        super(operation, httpStatus, "axis " + operation + " rejected (HTTP " + httpStatus + "): "
                + errorCode + (errorDesc == null || errorDesc.isBlank() ? "" : " - " + errorDesc), null);
        this.errorCode = errorCode;
        this.errorDesc = errorDesc;
    }

    /** The axis's {@code ErrorCode}, or {@code HTTP_<status>} when the answer had none. */
    public String errorCode() {
        return errorCode;
    }

    /** The axis's {@code ErrorDesc}; may be empty. */
    public String errorDesc() {
        return errorDesc;
    }
}
