package vn.gov.bus.app;

/**
 * Agencies of the embedded default's seed ({@code config/agencies.yaml}) that the tests send
 * between, with the demo tokens their simulated document systems use on the hub.
 */
public final class DemoAgencies {

    /** Văn phòng UBND tỉnh: a local agency with a document system. */
    public static final String OFFICE = "000.00.01.H53";
    public static final String OFFICE_TOKEN = "demo-token-van-phong";
    /** Sở Tài chính: a second local agency. */
    public static final String FINANCE = "000.00.05.H53";
    public static final String FINANCE_TOKEN = "demo-token-so-tai-chinh";
    /** Văn phòng Chính phủ: reached through the national axis. */
    public static final String GOVERNMENT_OFFICE = "000.00.00.G22";

    private DemoAgencies() {
    }
}
