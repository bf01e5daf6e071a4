package vn.gov.bus.connectors.registry;

/** What a looked-up code names; decided by its shape alone. */
public enum CodeKind {
    /** 10 digits, the last a check digit: mã số doanh nghiệp = mã số thuế. */
    ENTERPRISE,
    /** 10 digits of the enterprise, a hyphen, 001–999: a branch or other dependent unit. */
    BRANCH,
    /** 12 digits: the personal identification number an individual now uses as tax code. */
    PERSONAL_ID
}
