package vn.gov.bus.core.edxml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edXML DocumentId: by convention {@code {senderOrganId},{yyyy/MM/dd},{number}/{notation}}
 * (e.g. {@code 000.00.00.G22,2015/09/30,7816/VPCP-TTĐT}); some producers use a UUID instead.
 */
public final class DocumentIds {

    private static final Pattern CONVENTION =
            Pattern.compile("([^,\\s]+),([0-9]{4}/[0-9]{2}/[0-9]{2}),([^/,]+)/(.+)");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DocumentIds() {
    }

    /** Builds an id in the convention. */
    public static String conventional(String senderOrganId, LocalDate promulgated, String number, String notation) {
        return senderOrganId + "," + EdxmlDates.formatDate(promulgated) + "," + number + "/" + notation;
    }

    /** Whether the id follows the convention (with a real calendar date) or is a UUID. */
    public static boolean wellFormed(String id) {
        if (id == null) {
            return false;
        }
        String value = id.strip();
        if (UUID.matcher(value).matches()) {
            return true;
        }
        Matcher m = CONVENTION.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            EdxmlDates.parseDate(m.group(2));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
