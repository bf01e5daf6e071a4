package vn.gov.bus.connectors.axis.simulator;

/** A refusal the simulator answers as {@code status: FAIL} with this ErrorCode and ErrorDesc. */
final class SimulatorFailure extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;

    SimulatorFailure(String errorCode, String errorDesc) {
        this(200, errorCode, errorDesc);
    }

    SimulatorFailure(int httpStatus, String errorCode, String errorDesc) {
        super(errorDesc, null, false, false);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    String errorCode() {
        return errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }
}
