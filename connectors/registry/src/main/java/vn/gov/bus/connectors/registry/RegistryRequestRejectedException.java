package vn.gov.bus.connectors.registry;

/**
 * The registry rejected the bus's request as invalid (a fault such as INVALID_REQUEST) and the bus
 * has no answer of its own for the code. Asking again sends the same request: it is a defect of the
 * bus or of the registry to report, not an outage. HTTP 502.
 */
public final class RegistryRequestRejectedException extends RuntimeException {

    private final String faultCode;

    public RegistryRequestRejectedException(String code, RegistryAnswer.Rejected rejection) {
        super("The business registry rejected the bus's request for " + code + " (" + rejection.reason()
                + ") and the bus has no saved answer for it; report it to the bus's administrators");
        this.faultCode = rejection.faultCode();
    }

    public String faultCode() {
        return faultCode;
    }

    public String messageVi() {
        return "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp cho rằng yêu cầu của trục không hợp lệ (" + faultCode
                + ") và trục chưa lưu thông tin của mã này; hãy báo quản trị viên của trục";
    }
}
