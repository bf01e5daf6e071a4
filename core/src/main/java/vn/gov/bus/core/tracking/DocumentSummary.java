package vn.gov.bus.core.tracking;

import java.time.Instant;
import java.util.List;

/** One line of a document list: the document and where it stands now. */
public record DocumentSummary(String senderId, String documentId, String subject, String direction,
                              Instant acceptedAt, String state, List<String> recipients) {
}
