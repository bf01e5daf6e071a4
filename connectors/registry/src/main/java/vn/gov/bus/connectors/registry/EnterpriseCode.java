package vn.gov.bus.connectors.registry;

import java.util.Objects;

/**
 * A code that passed {@link EnterpriseCodeValidator}: normalised (a branch always with its
 * hyphen), with what it names.
 */
public record EnterpriseCode(String value, CodeKind kind) {

    public EnterpriseCode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /** The enterprise a branch belongs to; an enterprise's or a personal id's own code otherwise. */
    public String enterprisePart() {
        return kind == CodeKind.BRANCH ? value.substring(0, 10) : value;
    }

    /**
     * The code as the audit log may keep it. A personal identification number is personal data
     * (Nghị định 13/2023/NĐ-CP): only its first three digits (the province of birth registration)
     * and last two are kept; an enterprise's or branch's code is public and kept whole.
     */
    public String forAudit() {
        if (kind != CodeKind.PERSONAL_ID) {
            return value;
        }
        return value.substring(0, 3) + "*******" + value.substring(10);
    }

    @Override
    public String toString() {
        return value;
    }
}
