package vn.gov.bus.routes.incoming;

import java.util.Objects;
import vn.gov.bus.core.edxml.EdocPackage;

/**
 * What the bus decided about one received package.
 *
 * @param parsed       the package, or null when it could not be read
 * @param reasonCode   for a refusal, a stable code (e.g. {@code CERTIFICATE_EXPIRED}); for an
 *                     acceptance, how the signature was judged ({@code VALID} or
 *                     {@code UNSIGNED_ACCEPTED})
 * @param reason       words for the sender (refusal) or the recipient's audit trail (acceptance)
 * @param verification outcome and warnings, as carried in the BusVerification header
 */
public record InboundVerdict(boolean accepted, EdocPackage parsed, String reasonCode, String reason,
                             String verification) {

    public InboundVerdict {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(verification, "verification");
    }

    static InboundVerdict accept(EdocPackage parsed, String code, String reason, String verification) {
        return new InboundVerdict(true, Objects.requireNonNull(parsed, "parsed"), code, reason, verification);
    }

    static InboundVerdict reject(EdocPackage parsed, String code, String reason) {
        return new InboundVerdict(false, parsed, code, reason, code + ": " + reason);
    }
}
