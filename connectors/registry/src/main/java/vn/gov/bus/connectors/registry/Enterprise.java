package vn.gov.bus.connectors.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise's (or branch's, or household business's) general information as the registry
 * gives it. The legal representative is named with position only: the bus passes on no more
 * personal data than a clerk sees on the public registration portal.
 *
 * @param parentCode     the enterprise a branch belongs to; null otherwise
 * @param lastChangeDate date of the last registered change; null if never changed
 * @param businessLines  every registered line, the main one flagged
 */
public record Enterprise(String code, UnitKind kind, String parentCode, String nameVi, String nameEn,
                         String shortName, Address address, Representative legalRepresentative,
                         String legalFormCode, String legalFormName, EnterpriseStatus status,
                         LocalDate registrationDate, LocalDate lastChangeDate, int changeCount,
                         List<BusinessLine> businessLines) {

    public Enterprise {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(status, "status");
        businessLines = businessLines == null ? List.of() : List.copyOf(businessLines);
    }

    public Optional<BusinessLine> mainBusinessLine() {
        return businessLines.stream().filter(BusinessLine::main).findFirst();
    }

    public enum UnitKind { ENTERPRISE, BRANCH, HOUSEHOLD }

    /** đang hoạt động, tạm ngừng kinh doanh, đang làm thủ tục giải thể, đã giải thể. */
    public enum EnterpriseStatus { ACTIVE, SUSPENDED, IN_DISSOLUTION, DISSOLVED }

    /** @param district null where the two-level local government (from 2025) has none */
    public record Address(String street, String ward, String district, String province, String fullAddress) {
    }

    public record Representative(String fullName, String position) {
    }

    /** A line of the Vietnamese economic activity classification (VSIC, 4-digit level). */
    public record BusinessLine(String code, String name, boolean main) {
    }
}
