package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnterpriseCodeValidatorTest {

    final EnterpriseCodeValidator validator = EnterpriseCodeValidator.strict();

    @Test
    void acceptsTheSpecExamplesOfValidTaxCodes() {
        assertThat(validator.validate("taxCode", "0100109106")).isEqualTo(new EnterpriseCode("0100109106", CodeKind.ENTERPRISE));
        assertThat(validator.validate("taxCode", " 0300588569 ").kind()).isEqualTo(CodeKind.ENTERPRISE);
    }

    @Test
    void refusesAWrongCheckDigitNamingFieldRuleAndTheExpectedDigit() {
        assertThatThrownBy(() -> validator.validate("taxCode", "0100109107"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class, e -> {
                    assertThat(e.field()).isEqualTo("taxCode");
                    assertThat(e.rule()).isEqualTo("check-digit");
                    assertThat(e.getMessage()).contains("give 6");
                    assertThat(e.messageVi()).contains("Chữ số kiểm tra");
                });
    }

    @Test
    void refusesNineDigitsWhoseWeightedSumIsAMultipleOfElevenUnlessConfigured() {
        String firstNine = firstNineWithSumMultipleOfEleven();
        assertThat(validator.checkDigit(firstNine)).isEmpty();
        assertThatThrownBy(() -> validator.validate("taxCode", firstNine + "0"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("check-digit"));
        assertThat(new EnterpriseCodeValidator(true).validate("taxCode", firstNine + "0").kind())
                .isEqualTo(CodeKind.ENTERPRISE);
    }

    @Test
    void acceptsBranchCodesWithOrWithoutTheHyphenAndNormalisesThem() {
        assertThat(validator.validate("taxCode", "0100109106-001")).isEqualTo(new EnterpriseCode("0100109106-001", CodeKind.BRANCH));
        assertThat(validator.validate("taxCode", "0100109106999").value()).isEqualTo("0100109106-999");
        assertThat(validator.validate("taxCode", "0100109106-001").enterprisePart()).isEqualTo("0100109106");
    }

    @Test
    void refusesBranchZeroAndABranchOfAnInvalidEnterpriseCode() {
        assertThatThrownBy(() -> validator.validate("taxCode", "0100109106-000"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("branch-suffix"));
        assertThatThrownBy(() -> validator.validate("taxCode", "0100109107-001"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("check-digit"));
        assertThatThrownBy(() -> validator.validate("taxCode", "0100109106-01"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("characters"));
    }

    @Test
    void acceptsTwelveDigitPersonalIdsOnFormatAndMasksThemForTheAudit() {
        EnterpriseCode id = validator.validate("taxCode", "079203001234");
        assertThat(id.kind()).isEqualTo(CodeKind.PERSONAL_ID);
        assertThat(id.forAudit()).isEqualTo("079*******34");
        assertThat(validator.validate("taxCode", "0100109106").forAudit()).isEqualTo("0100109106");
    }

    @Test
    void refusesWrongLengthsLettersAndEmptyInputWithTheirOwnRules() {
        assertThatThrownBy(() -> validator.validate("taxCode", "12345678901"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class, e -> {
                    assertThat(e.rule()).isEqualTo("length");
                    assertThat(e.getMessage()).contains("11 digits");
                    assertThat(e.messageVi()).contains("11 chữ số");
                });
        assertThatThrownBy(() -> validator.validate("taxCode", "01001O9106"))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("characters"));
        assertThatThrownBy(() -> validator.validate("taxCode", "  "))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("required"));
        assertThatThrownBy(() -> validator.validate("taxCode", null))
                .isInstanceOfSatisfying(InvalidEnterpriseCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("required"));
    }

    private String firstNineWithSumMultipleOfEleven() {
        for (int n = 100_000_000; ; n++) {
            String nine = Integer.toString(n);
            if (validator.checkDigit(nine).isEmpty()) {
                return nine;
            }
        }
    }
}
