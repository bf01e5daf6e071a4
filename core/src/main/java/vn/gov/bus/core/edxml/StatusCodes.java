package vn.gov.bus.core.edxml;

import java.util.Map;
import java.util.Optional;

/**
 * Business status codes of the status package. Codes 07-12 and 14 are not publicly documented:
 * they are accepted and kept as they are, and no meaning is invented for them.
 */
public final class StatusCodes {

    /** Arrived in the recipient's system, not yet handled by the clerk (đã đến). */
    public static final String ARRIVED = "01";
    /** Rejected by the clerk (từ chối). */
    public static final String REJECTED = "02";
    /** Accepted and registered (đã tiếp nhận). */
    public static final String ACCEPTED = "03";
    /** Handling assigned by a leader (phân công). */
    public static final String ASSIGNED = "04";
    /** Being handled (đang xử lý). */
    public static final String IN_PROGRESS = "05";
    /** Handling finished (hoàn thành). */
    public static final String FINISHED = "06";
    /** Sent by the SENDER: asks to take the document back (lấy lại), with a reason. */
    public static final String TAKE_BACK_REQUESTED = "13";
    /** Recipient agrees to the update / take-back request. */
    public static final String CHANGE_ACCEPTED = "15";
    /** Recipient refuses the update / take-back request. */
    public static final String CHANGE_REFUSED = "16";

    private static final Map<String, String> MEANINGS = Map.of(
            ARRIVED, "arrived, not yet handled",
            REJECTED, "rejected",
            ACCEPTED, "accepted and registered",
            ASSIGNED, "handling assigned",
            IN_PROGRESS, "being handled",
            FINISHED, "handling finished",
            TAKE_BACK_REQUESTED, "sender asks to take the document back",
            CHANGE_ACCEPTED, "update / take-back accepted",
            CHANGE_REFUSED, "update / take-back refused");

    private StatusCodes() {
    }

    /** Whether the code is one of the publicly documented ones. */
    public static boolean known(String code) {
        return MEANINGS.containsKey(code);
    }

    /** English meaning of a documented code; empty for undocumented ones. */
    public static Optional<String> meaning(String code) {
        return Optional.ofNullable(code).map(MEANINGS::get);
    }
}
