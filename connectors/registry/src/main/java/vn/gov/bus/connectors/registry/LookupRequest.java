package vn.gov.bus.connectors.registry;

import java.util.Objects;

/**
 * One lookup asked of the bus.
 *
 * @param caller the authenticated calling system (or {@code route:<id>} for an enrichment step)
 * @param origin where the call came from (remote address), for the audit log; may be null
 * @param field  the name the caller gave the code under, echoed in a validation error
 * @param code   the code as given, not yet validated
 */
public record LookupRequest(String caller, String origin, String field, String code) {

    public LookupRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(field, "field");
    }
}
