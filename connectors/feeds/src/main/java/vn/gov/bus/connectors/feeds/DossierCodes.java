package vn.gov.bus.connectors.feeds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dossier code (mã hồ sơ) in a transfer's free text: payers and intermediaries write
 * it there ("THANH TOAN LE PHI HS 000.05.H53-261201-0042 ..."), banks pass the text on. The
 * pattern is configurable (bus.feeds.reconciliation.dossier-code-pattern) because each one-stop
 * system numbers its dossiers its own way.
 */
public final class DossierCodes {

    private final Pattern pattern;

    public DossierCodes(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The first dossier code in the text, or null. */
    public String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    public boolean matches(String code) {
        return code != null && pattern.matcher(code).matches();
    }
}
