package vn.gov.bus.core.edxml;

import java.util.regex.Pattern;

/**
 * Agency identifiers (mã định danh) of QCVN 102:2016: {@code LLL.LL.LL.XNN}, 13 characters,
 * level 1 is a group letter and two digits ({@code G22}, {@code H53}), then levels 2-4 right to
 * left, {@code 00}/{@code 000} meaning "this level itself".
 *
 * <p>Real traffic carries codes that do not follow the shape ({@code 999.010.01.H22}, centre
 * codes such as {@code 00.53.W00}), so a non-conforming code is only ever a warning.
 */
public final class AgencyCodes {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");

    private AgencyCodes() {
    }

    /** Whether the code has the regulation's shape {@code LLL.LL.LL.XNN}. */
    public static boolean conforms(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }
}
