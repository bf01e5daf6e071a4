package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;

class EnterpriseDatasetTest {

    static final EnterpriseDataset DATASET = new EnterpriseDataset(100_000);

    @Test
    void hundredThousandEnterprisesHaveDistinctTaxCodesWithValidCheckDigits() {
        EnterpriseCodeValidator validator = EnterpriseCodeValidator.strict();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < DATASET.size(); i++) {
            String code = DATASET.code(i);
            assertThat(validator.validate("code", code).kind()).isEqualTo(CodeKind.ENTERPRISE);
            codes.add(code);
        }
        assertThat(codes).hasSize(100_000);
    }

    @Test
    void theSameSizeAndSeedGiveTheSameDataOnEveryRun() {
        EnterpriseDataset again = new EnterpriseDataset(100_000);
        assertThat(again.code(54_321)).isEqualTo(DATASET.code(54_321));
        assertThat(again.enterprise(54_321)).isEqualTo(DATASET.enterprise(54_321));
        assertThat(again.personalId(77)).isEqualTo(DATASET.personalId(77));
    }

    @Test
    void enterprisesCarryVietnameseNamesAddressesAndAMainBusinessLine() {
        Enterprise e = DATASET.enterprise(2);
        assertThat(e.nameVi()).matches(".*(CÔNG TY|DOANH NGHIỆP).*");
        assertThat(e.nameEn()).matches("[A-Z0-9 ,.]+");
        assertThat(e.address().fullAddress()).endsWith("Việt Nam");
        assertThat(e.legalRepresentative().fullName()).contains(" ");
        assertThat(e.mainBusinessLine()).isPresent();
        assertThat(e.registrationDate()).isNotNull();
    }

    @Test
    void branchesAndHouseholdBusinessesAreFoundByTheirCodesAndNothingElseIs() {
        int index = DATASET.firstWithBranch(0);
        String branchCode = DATASET.code(index) + "-001";
        assertThat(DATASET.findBranch(branchCode)).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Enterprise.UnitKind.BRANCH);
            assertThat(b.parentCode()).isEqualTo(DATASET.code(index));
            assertThat(b.nameVi()).startsWith("CHI NHÁNH");
        });
        assertThat(DATASET.findBranch(DATASET.code(index) + "-" + (DATASET.branchCount(index) + 1 + 100))).isEmpty();
        assertThat(DATASET.findHousehold(DATASET.personalId(3))).hasValueSatisfying(
                h -> assertThat(h.kind()).isEqualTo(Enterprise.UnitKind.HOUSEHOLD));
        String unknown = DATASET.unknownValidCode();
        assertThat(EnterpriseCodeValidator.strict().validate("code", unknown).kind()).isEqualTo(CodeKind.ENTERPRISE);
        assertThat(DATASET.findEnterprise(unknown)).isEmpty();
    }
}
