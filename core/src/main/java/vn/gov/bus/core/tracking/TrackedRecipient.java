package vn.gov.bus.core.tracking;

import java.util.List;

/**
 * One recipient of a document.
 *
 * @param organId    the recipient agency
 * @param channel    LOCAL (its pending box) or AXIS
 * @param delivery   the delivery ledger state (QUEUED, SENDING, UNCERTAIN, DELIVERED, FAILED)
 * @param state      where the document stands for this recipient: the delivery state, or CONFIRMED or
 *                   WITHDRAWN for a pending box, or STATUS_nn after the recipient's latest status
 * @param lastStatus the latest status code the recipient set, or null
 * @param timeline   this recipient's events, oldest first
 */
public record TrackedRecipient(String organId, String channel, String delivery, String state, String lastStatus,
                               List<TimelineEvent> timeline) {
}
