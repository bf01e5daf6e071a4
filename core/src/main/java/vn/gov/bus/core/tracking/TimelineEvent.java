package vn.gov.bus.core.tracking;

import java.time.Instant;

/**
 * One dated step in a document's life.
 *
 * @param at          when it happened
 * @param kind        ACCEPTED, RECEIVED_FROM_AXIS, ROUTED, SENT_TO_AXIS, IN_PENDING_BOX, CONFIRMED, WITHDRAWN,
 *                    DELIVERY_FAILED, DELIVERY_RETRYING, TAKE_BACK, STATUS
 * @param recipientId the recipient concerned, or null for the document as a whole
 * @param statusCode  for a STATUS event, the two-digit code as carried; otherwise null
 * @param staff       for a STATUS event, who set it ("Staff (Department)"); otherwise null
 * @param detail      what happened, in English
 */
public record TimelineEvent(Instant at, String kind, String recipientId, String statusCode, String staff,
                            String detail) {
}
