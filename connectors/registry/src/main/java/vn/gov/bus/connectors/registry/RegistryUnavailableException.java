package vn.gov.bus.connectors.registry;

import java.time.Duration;

/**
 * The registry could not be asked and the bus has no answer of its own for the code: the caller
 * should try again after {@link #retryAfter()} (HTTP 503 with Retry-After).
 */
public final class RegistryUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public RegistryUnavailableException(String code, String reason, Duration retryAfter) {
        super("The business registry cannot be reached (" + reason + ") and the bus has no saved answer for "
                + code + "; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String messageVi() {
        return "Hiện không kết nối được cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp và trục chưa lưu thông tin"
                + " của mã này; vui lòng thử lại sau " + retryAfter.toSeconds() + " giây";
    }
}
