package vn.gov.bus.routes.registry;

/** Headers read and written by {@link EnterpriseEnricher}. */
public final class EnterpriseHeaders {

    /** In: the tax code (10 digits), branch code (10-3) or personal id (12 digits) to look up. */
    public static final String TAX_CODE = "BusTaxCode";

    /** Out: FOUND, STALE (registry down, cached answer past its lifetime) or NOT_FOUND. */
    public static final String LOOKUP = "BusEnterpriseLookup";
    /** Out: the whole {@code Enterprise} record. */
    public static final String ENTERPRISE = "BusEnterprise";
    public static final String CODE = "BusEnterpriseCode";
    public static final String NAME = "BusEnterpriseName";
    public static final String STATUS = "BusEnterpriseStatus";
    public static final String LEGAL_FORM = "BusEnterpriseLegalForm";
    public static final String ADDRESS = "BusEnterpriseAddress";
    /** Out: when the registry gave the answer (ISO-8601 instant). */
    public static final String FETCHED_AT = "BusEnterpriseFetchedAt";

    public static final String FOUND = "FOUND";
    public static final String STALE = "STALE";
    public static final String NOT_FOUND = "NOT_FOUND";

    private EnterpriseHeaders() {
    }
}
