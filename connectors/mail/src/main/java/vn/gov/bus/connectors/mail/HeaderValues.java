package vn.gov.bus.connectors.mail;

/**
 * Guards every value the bus writes into a mail header (subject, display names, addresses, file
 * names, the bus's own X-Bus-* headers). Jakarta Mail folds and encodes values, but it does not
 * refuse a CR or LF inside one, and some of these values come from the packages senders submit.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns the value when it is one line of printable text (null stays null).
     *
     * @throws MailHeaderInjectionException naming the field and the offending character
     */
    public static String singleLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new MailHeaderInjectionException(field, field + " contains a line break (" + describe(c)
                        + " at position " + i + "): refused, it could inject mail headers");
            }
            // TAB is legal folding white space; the other C0 controls, DEL and the Unicode line
            // separators have no business in a header and some relays turn them into line breaks.
            if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new MailHeaderInjectionException(field, field + " contains the control character "
                        + describe(c) + " at position " + i + ": refused, it could inject mail headers");
            }
        }
        return value;
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> String.format("U+%04X", (int) c);
        };
    }
}
