package vn.gov.bus.connectors.axis;

import java.util.List;
import java.util.Map;

/**
 * Turns the signed request fields into the two strings the axis authenticates:
 * the {@code ;}-joined name list ({@code XroadVnpt-sign-header-key}) and the JSON object
 * ({@code XroadVnpt-sign-header}) over which the HMAC is computed.
 *
 * <p>Kept behind an interface because the official SDK's exact canonical string depends on its
 * internal key order, which is not public: when it becomes known, only this class changes.
 */
public interface AxisCanonicalizer {

    /** The field names in canonical order. */
    List<String> orderedNames(Map<String, String> fields);

    /** The value of {@code XroadVnpt-sign-header-key}. */
    default String signedNames(Map<String, String> fields) {
        return String.join(";", orderedNames(fields));
    }

    /** The value of {@code XroadVnpt-sign-header}: the exact string the HMAC covers. */
    String canonicalJson(Map<String, String> fields);
}
