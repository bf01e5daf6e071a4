package vn.gov.bus.connectors.registry;

/**
 * The registry refused the bus (its credentials, or its account's rights) and the bus has no
 * answer of its own for the code. Unlike {@link RegistryUnavailableException}, trying again later
 * does not help: the bus's administrators must correct the registry credentials. HTTP 502.
 */
public final class RegistryAccessRefusedException extends RuntimeException {

    private final int status;

    public RegistryAccessRefusedException(String code, RegistryAnswer.Refused refusal) {
        super("The business registry refused the bus (" + refusal.reason() + ") and the bus has no saved answer for "
                + code + "; the bus's administrators must correct its registry credentials");
        this.status = refusal.status();
    }

    /** The registry's HTTP status: 401 (credentials) or 403 (access). */
    public int status() {
        return status;
    }

    public String messageVi() {
        return "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp từ chối "
                + (status == 401 ? "thông tin xác thực của trục" : "quyền truy cập của trục")
                + " và trục chưa lưu thông tin của mã này; quản trị viên của trục cần sửa thông tin xác thực";
    }
}
