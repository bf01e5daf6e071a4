package vn.gov.bus.app.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One message of a queue as the admin API shows it. {@code id} is the JMS message id (used in the
 * retry and discard paths); {@code payloadPreview} is at most the configured number of bytes,
 * decoded as UTF-8 and cut at a character boundary ({@code payloadTruncated} says whether it was
 * cut). {@code headers} are the bus's own properties (document id, sender, recipients, failure
 * reason …), never the broker's internal ones.
 */
public record DeadLetterMessage(String id, String queue, String originalQueue, Instant timestamp,
                                Integer deliveryCount, String failureReason, Map<String, Object> headers,
                                long payloadSize, String payloadPreview, boolean payloadTruncated) {
}
