package vn.gov.bus.routes.mail;

import java.util.Objects;
import vn.gov.bus.core.edxml.EdocPackage;

/**
 * What the bus decided about one received mail: a package to queue on the incoming flow, or a
 * refusal with a stable code and the precise reason (kept in the quarantine).
 *
 * @param pkg          the package to queue (the attached signed package as it was, or the one the
 *                     bus built from the mail), null for a refusal
 * @param verification how the package was judged (carried in BusVerification)
 * @param senderId     the sender agency, when known (also for refusals)
 */
public record MailVerdict(boolean accepted, byte[] pkg, EdocPackage parsed, String verification, String senderId,
                          String reasonCode, String reason) {

    static MailVerdict accept(byte[] pkg, EdocPackage parsed, String verification) {
        return new MailVerdict(true, Objects.requireNonNull(pkg), Objects.requireNonNull(parsed), verification,
                parsed.fromOrganId(), null, null);
    }

    static MailVerdict refuse(String senderId, String code, String reason) {
        return new MailVerdict(false, null, null, null, senderId, Objects.requireNonNull(code),
                Objects.requireNonNull(reason));
    }
}
