package vn.gov.bus.core.tracking;

import java.time.Instant;
import java.util.List;

/**
 * Everything the bus knows of one document: where it came from, every recipient with its
 * channel and state, and the whole timeline (the document's own events and every recipient's).
 */
public record DocumentTimeline(String senderId, String documentId, String subject, String direction,
                               String messageId, Instant acceptedAt, String state,
                               List<TrackedRecipient> recipients, List<TimelineEvent> timeline) {
}
