package vn.gov.bus.connectors.axis;

/** A call to the axis did not succeed; the subclass says whether a retry can help. */
public abstract class AxisException extends RuntimeException {

    private final String operation;
    private final int httpStatus;

    protected AxisException(String operation, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.httpStatus = httpStatus;
    }

    /** The axis operation, e.g. {@code sendEdoc}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the answer, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
