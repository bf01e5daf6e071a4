package vn.gov.bus.connectors.registry;

import java.util.OptionalInt;

/**
 * Checks a code before anything is sent to the registry. Rules (shared/spec/edxml.md, "Tax code"):
 * <ul>
 *   <li>enterprise: 10 digits, {@code N10 = 10 − (Σ Ni·Wi mod 11)} for i = 1..9 with
 *       W = 31, 29, 23, 19, 17, 13, 7, 5, 3;</li>
 *   <li>branch: the enterprise's 10 digits (check digit included), a hyphen, 001–999 ({@code 000}
 *       names no branch); accepted without the hyphen too, normalised with it;</li>
 *   <li>personal identification number: 12 digits (format only: its structure is not public).</li>
 * </ul>
 * When the sum mod 11 is 0 the formula gives 10, which is not a digit; implementations disagree
 * on what to do, so such codes are refused unless {@code tenAsZero} accepts them with check digit 0.
 */
public final class EnterpriseCodeValidator {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private final boolean tenAsZero;

    public EnterpriseCodeValidator(boolean tenAsZero) {
        this.tenAsZero = tenAsZero;
    }

    /** Refuses sums that give 10 (the spec's default). */
    public static EnterpriseCodeValidator strict() {
        return new EnterpriseCodeValidator(false);
    }

    /**
     * @param field the name the caller knows the value by (a path variable, a header, an element)
     * @throws InvalidEnterpriseCodeException naming the field and the rule broken
     */
    public EnterpriseCode validate(String field, String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw new InvalidEnterpriseCodeException(field, "required",
                    "The code is empty: give a 10-digit tax code, a 13-digit branch code or a 12-digit personal id",
                    "Chưa nhập mã: cần mã số thuế 10 chữ số, mã chi nhánh 13 chữ số hoặc số định danh cá nhân 12 chữ số");
        }
        int hyphen = code.indexOf('-');
        if (hyphen >= 0) {
            if (hyphen != 10 || code.length() != 14 || !digits(code.substring(0, 10)) || !digits(code.substring(11))) {
                throw new InvalidEnterpriseCodeException(field, "characters",
                        "A branch code is 10 digits, a hyphen and 3 digits (NNNNNNNNNN-NNN): got '" + shown(code) + "'",
                        "Mã chi nhánh gồm 10 chữ số, dấu gạch ngang và 3 chữ số (NNNNNNNNNN-NNN): đã nhập '" + shown(code) + "'");
            }
            return branch(field, code.substring(0, 10), code.substring(11));
        }
        if (!digits(code)) {
            throw new InvalidEnterpriseCodeException(field, "characters",
                    "The code must contain digits only (a branch code: one hyphen before its last 3 digits): got '"
                            + shown(code) + "'",
                    "Mã chỉ gồm chữ số (mã chi nhánh: một dấu gạch ngang trước 3 chữ số cuối): đã nhập '" + shown(code) + "'");
        }
        return switch (code.length()) {
            case 10 -> enterprise(field, code);
            case 13 -> branch(field, code.substring(0, 10), code.substring(10));
            case 12 -> new EnterpriseCode(code, CodeKind.PERSONAL_ID);
            default -> throw new InvalidEnterpriseCodeException(field, "length",
                    "The code has " + code.length() + " digits: a tax code has 10, a branch code 13 (10-3), "
                            + "a personal identification number 12",
                    "Mã có " + code.length() + " chữ số: mã số thuế có 10 chữ số, mã chi nhánh 13 (10-3), "
                            + "số định danh cá nhân 12");
        };
    }

    /**
     * The check digit of the first nine digits, or empty when the sum mod 11 is 0 and
     * {@code tenAsZero} is off.
     */
    public OptionalInt checkDigit(CharSequence firstNine) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (firstNine.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = 10 - sum % 11;
        if (digit == 10) {
            return tenAsZero ? OptionalInt.of(0) : OptionalInt.empty();
        }
        return OptionalInt.of(digit);
    }

    private EnterpriseCode enterprise(String field, String code) {
        OptionalInt expected = checkDigit(code);
        if (expected.isEmpty()) {
            throw new InvalidEnterpriseCodeException(field, "check-digit",
                    "The tax code " + code + " cannot be valid: its first nine digits give no check digit "
                            + "(weighted sum mod 11 = 0)",
                    "Mã số thuế " + code + " không hợp lệ: chín chữ số đầu không cho chữ số kiểm tra nào "
                            + "(tổng có trọng số chia 11 dư 0)");
        }
        if (code.charAt(9) - '0' != expected.getAsInt()) {
            throw new InvalidEnterpriseCodeException(field, "check-digit",
                    "The check digit of the tax code " + code + " is wrong: the first nine digits give "
                            + expected.getAsInt() + ", the code ends in " + code.charAt(9),
                    "Chữ số kiểm tra của mã số thuế " + code + " không đúng: chín chữ số đầu cho chữ số "
                            + expected.getAsInt() + ", mã kết thúc bằng " + code.charAt(9));
        }
        return new EnterpriseCode(code, CodeKind.ENTERPRISE);
    }

    private EnterpriseCode branch(String field, String enterprise, String suffix) {
        if (suffix.equals("000")) {
            throw new InvalidEnterpriseCodeException(field, "branch-suffix",
                    "The branch number of " + enterprise + "-000 is 000, which names no branch (001–999)",
                    "Số thứ tự chi nhánh của mã " + enterprise + "-000 là 000, không phải chi nhánh nào (001–999)");
        }
        enterprise(field, enterprise);
        return new EnterpriseCode(enterprise + "-" + suffix, CodeKind.BRANCH);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Echoes the input back, bounded: the caller's text may be anything. */
    private static String shown(String code) {
        return code.length() <= 32 ? code : code.substring(0, 32) + "…";
    }
}
