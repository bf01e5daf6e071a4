package vn.gov.bus.connectors.qlvb;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Vietnamese text of a fault, for the records clerk who sees it in the document system.
 * One sentence per code (resource bundle {@code hub-faults}), followed by the field concerned;
 * the English {@code message} keeps the technical detail.
 */
final class HubFaultMessages {

    private static final ResourceBundle VI = ResourceBundle.getBundle("hub-faults", Locale.forLanguageTag("vi"));

    private HubFaultMessages() {
    }

    static String vietnamese(HubRejection rejection) {
        String text;
        try {
            text = VI.getString(rejection.code());
        } catch (MissingResourceException unknownCode) {
            text = VI.getString("OTHER");
        }
        if (rejection.field() == null || rejection.field().isBlank()) {
            return text;
        }
        String sentence = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return sentence + " (trường " + rejection.field() + ").";
    }
}
