package vn.gov.bus.connectors.registry;

/** The registry answered: no enterprise, branch or household business has this code. */
public final class EnterpriseNotFoundException extends RuntimeException {

    private final String code;

    public EnterpriseNotFoundException(String code) {
        super("The business registry has no enterprise, branch or household business with code " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageVi() {
        return "Không tìm thấy doanh nghiệp, chi nhánh hoặc hộ kinh doanh có mã " + code
                + " trong cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp";
    }
}
