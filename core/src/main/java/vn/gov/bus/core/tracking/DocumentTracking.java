package vn.gov.bus.core.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "where is this document?" from what the bus records anyway: the message registry
 * (accepted), the inbound receipts (received from the axis), the delivery ledger (routed, signed,
 * sent, failed), the pending boxes (fetched and confirmed, withdrawn) and the status log (every
 * status with its time and staff). It adds no write to the message path beyond the status log.
 */
public class DocumentTracking {

    /** Most documents a list scans for its filters, so a broad query cannot run away. */
    static final int MAX_SCAN = 5_000;

    private final JdbcTemplate jdbc;

    public DocumentTracking(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Criteria of a document list; null means "any". {@code to} is exclusive. {@code text} is found,
     * ignoring case, in the DocumentId (which holds the number/notation, số/ký hiệu) or the subject.
     */
    public record Query(String agencyId, String direction, Instant from, Instant to, String state, String text,
                        int limit) {
    }

    /** One document by its sender and DocumentId. */
    public Optional<DocumentTimeline> document(String senderId, String documentId) {
        List<Map<String, Object>> messages = jdbc.queryForList("SELECT message_id, direction, subject, accepted_at"
                + " FROM message WHERE sender_id = ? AND document_id = ? AND message_type = 'EDOC'"
                + " ORDER BY accepted_at, message_id", senderId, documentId);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> first = messages.get(0);
        String direction = (String) first.get("direction");
        List<TimelineEvent> documentEvents = new ArrayList<>();
        Instant acceptedAt = instant(first.get("accepted_at"));
        documentEvents.add(new TimelineEvent(acceptedAt, "ACCEPTED", null, null, null,
                "INCOMING".equals(direction) ? "accepted by the bus from the axis as message " + first.get("message_id")
                        : "accepted by the bus from " + senderId + "'s document system as message "
                        + first.get("message_id")));
        for (Map<String, Object> r : jdbc.queryForList("SELECT source, remote_id, verification, received_at"
                + " FROM inbound_receipt WHERE sender_id = ? AND dedup_key = ?", senderId, documentId)) {
            documentEvents.add(new TimelineEvent(instant(r.get("received_at")), "RECEIVED_FROM_AXIS", null, null,
                    null, "downloaded from the " + r.get("source") + " (id " + r.get("remote_id")
                    + "), signature " + r.get("verification") + ", acknowledged done"));
        }

        Map<String, RecipientBuilder> recipients = new LinkedHashMap<>();
        for (Map<String, Object> d : jdbc.queryForList("SELECT recipient_id, channel, state, dedup_key, attempts,"
                + " remote_id, last_error, created_at, updated_at FROM delivery WHERE sender_id = ? AND document_id = ?"
                + " AND message_type = 'EDOC' ORDER BY created_at, recipient_id", senderId, documentId)) {
            String recipient = (String) d.get("recipient_id");
            String channel = (String) d.get("channel");
            String state = (String) d.get("state");
            String dedupKey = (String) d.get("dedup_key");
            RecipientBuilder b = recipients.computeIfAbsent(recipient, RecipientBuilder::new);
            if (!documentId.equals(dedupKey)) {
                // a revocation, update or replacement of this document, to this recipient
                b.events.add(new TimelineEvent(instant(d.get("updated_at")), "TAKE_BACK".equals(kindOf(dedupKey))
                        ? "TAKE_BACK" : "BUSINESS_CHANGE", recipient, null, null,
                        dedupKey.substring(documentId.length() + 1) + " of the document via " + channel + ": " + state));
                continue;
            }
            b.channel = channel;
            b.delivery = state;
            b.events.add(new TimelineEvent(instant(d.get("created_at")), "ROUTED", recipient, null, null,
                    "OUTGOING".equals(direction) ? "signed by the bus and queued for " + channel
                            : "queued for the pending box, as received"));
            Instant updated = instant(d.get("updated_at"));
            switch (state) {
                case "DELIVERED" -> b.events.add("AXIS".equals(channel)
                        ? new TimelineEvent(updated, "SENT_TO_AXIS", recipient, null, null,
                        "sent to the axis, which acknowledged it as " + d.get("remote_id"))
                        : new TimelineEvent(updated, "IN_PENDING_BOX", recipient, null, null,
                        "in the pending box of " + recipient));
                case "FAILED" -> b.events.add(new TimelineEvent(updated, "DELIVERY_FAILED", recipient, null, null,
                        "refused: " + d.get("last_error")));
                case "SENDING", "UNCERTAIN" -> b.events.add(new TimelineEvent(updated, "DELIVERY_RETRYING", recipient,
                        null, null, "attempt " + d.get("attempts") + (d.get("last_error") == null ? ""
                        : ", last error: " + d.get("last_error"))));
                default -> {
                    // QUEUED: the ROUTED event says it
                }
            }
        }
        for (Map<String, Object> p : jdbc.queryForList("SELECT recipient_id, confirmed_at, withdrawn_at,"
                + " withdrawn_reason FROM pending_document WHERE sender_id = ? AND dedup_key = ?", senderId, documentId)) {
            String recipient = (String) p.get("recipient_id");
            RecipientBuilder b = recipients.computeIfAbsent(recipient, RecipientBuilder::new);
            if (p.get("confirmed_at") != null) {
                b.confirmed = true;
                b.events.add(new TimelineEvent(instant(p.get("confirmed_at")), "CONFIRMED", recipient, null, null,
                        "fetched and confirmed by the recipient's document system"));
            }
            if (p.get("withdrawn_at") != null) {
                b.withdrawn = true;
                b.events.add(new TimelineEvent(instant(p.get("withdrawn_at")), "WITHDRAWN", recipient, null, null,
                        "taken back by the sender before delivery" + (p.get("withdrawn_reason") == null ? ""
                                : ": " + p.get("withdrawn_reason"))));
            }
        }
        for (Map<String, Object> s : jdbc.queryForList("SELECT from_organ_id, status_code, description, department,"
                + " staff, status_time, received_at FROM document_status WHERE sender_id = ? AND document_id = ?"
                + " ORDER BY received_at, status_time", senderId, documentId)) {
            String from = (String) s.get("from_organ_id");
            String code = (String) s.get("status_code");
            String staff = staffOf((String) s.get("staff"), (String) s.get("department"));
            Instant setAt = s.get("status_time") == null ? null : instant(s.get("status_time"));
            String detail = "status " + code + meaning(code) + (setAt == null ? "" : ", set at " + setAt)
                    + (s.get("description") == null ? "" : ": " + s.get("description"));
            TimelineEvent event = new TimelineEvent(instant(s.get("received_at")), "STATUS",
                    from.equals(senderId) ? null : from, code, staff, detail);
            if (from.equals(senderId)) {
                documentEvents.add(event);
            } else {
                RecipientBuilder b = recipients.computeIfAbsent(from, RecipientBuilder::new);
                b.lastStatus = code;
                b.events.add(event);
            }
        }

        List<TrackedRecipient> tracked = recipients.values().stream().map(RecipientBuilder::build).toList();
        List<TimelineEvent> all = new ArrayList<>(documentEvents);
        tracked.forEach(r -> all.addAll(r.timeline()));
        all.sort(BY_TIME);
        return Optional.of(new DocumentTimeline(senderId, documentId, (String) first.get("subject"), direction,
                (String) first.get("message_id"), acceptedAt, stateOf(tracked), tracked, List.copyOf(all)));
    }

    /** Documents sent or received by an agency in a period, newest first, with their current state. */
    public List<DocumentSummary> list(Query q) {
        StringBuilder sql = new StringBuilder("SELECT m.sender_id, m.document_id FROM message m"
                + " WHERE m.message_type = 'EDOC'");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND m.accepted_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND m.accepted_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.direction() != null) {
            sql.append(" AND m.direction = ?");
            args.add(q.direction());
        }
        if (q.agencyId() != null) {
            sql.append(" AND (m.sender_id = ? OR EXISTS (SELECT 1 FROM delivery d WHERE d.sender_id = m.sender_id"
                    + " AND d.document_id = m.document_id AND d.recipient_id = ?))");
            args.add(q.agencyId());
            args.add(q.agencyId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" AND (LOWER(m.document_id) LIKE ? ESCAPE '!' OR LOWER(m.subject) LIKE ? ESCAPE '!')");
            String pattern = "%" + likeEscaped(q.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
            args.add(pattern);
            args.add(pattern);
        }
        sql.append(" ORDER BY m.accepted_at DESC, m.message_id LIMIT ").append(MAX_SCAN);
        Set<List<String>> seen = new LinkedHashSet<>();
        jdbc.query(sql.toString(), rs -> {
            seen.add(List.of(rs.getString("sender_id"), rs.getString("document_id")));
        }, args.toArray());
        List<DocumentSummary> result = new ArrayList<>();
        for (List<String> key : seen) {
            if (result.size() >= q.limit()) {
                break;
            }
            document(key.get(0), key.get(1))
                    .filter(d -> q.state() == null || q.state().equals(d.state()))
                    .ifPresent(d -> result.add(new DocumentSummary(d.senderId(), d.documentId(), d.subject(),
                            d.direction(), d.acceptedAt(), d.state(),
                            d.recipients().stream().map(TrackedRecipient::organId).toList())));
        }
        return result;
    }

    /** The text as a LIKE pattern's literal part: its own wildcards match only themselves. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The document's state: FAILED if a delivery was refused, IN_TRANSIT while one is on its way,
     * WITHDRAWN if the sender took it back from every recipient, NO_LOCAL_RECIPIENT for a received
     * document that named none of ours, otherwise DELIVERED.
     */
    static String stateOf(List<TrackedRecipient> recipients) {
        if (recipients.isEmpty()) {
            return "NO_LOCAL_RECIPIENT";
        }
        if (recipients.stream().anyMatch(r -> "FAILED".equals(r.delivery()))) {
            return "FAILED";
        }
        if (recipients.stream().anyMatch(r -> r.delivery() != null && !"DELIVERED".equals(r.delivery()))) {
            return "IN_TRANSIT";
        }
        if (recipients.stream().allMatch(r -> "WITHDRAWN".equals(r.state()))) {
            return "WITHDRAWN";
        }
        return "DELIVERED";
    }

    /**
     * Oldest first, but the document's entry into the bus before anything that followed from it:
     * the inbound receipt is written just after the durable send, when the dispatch may already
     * have routed the package, so its time can be a few milliseconds after the routing's.
     */
    private static final Comparator<TimelineEvent> BY_TIME = Comparator
            .comparing((TimelineEvent e) -> "ACCEPTED".equals(e.kind()) || "RECEIVED_FROM_AXIS".equals(e.kind()) ? 0 : 1)
            .thenComparing(TimelineEvent::at);

    private static String kindOf(String dedupKey) {
        return dedupKey.endsWith("#revoke") ? "TAKE_BACK" : "BUSINESS_CHANGE";
    }

    private static String meaning(String code) {
        return vn.gov.bus.core.edxml.StatusCodes.meaning(code).map(m -> " (" + m + ")").orElse("");
    }

    private static String staffOf(String staff, String department) {
        if (staff == null) {
            return department;
        }
        return department == null ? staff : staff + " (" + department + ")";
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }

    private static final class RecipientBuilder {
        final String organId;
        String channel;
        String delivery;
        String lastStatus;
        boolean confirmed;
        boolean withdrawn;
        final List<TimelineEvent> events = new ArrayList<>();

        RecipientBuilder(String organId) {
            this.organId = organId;
        }

        TrackedRecipient build() {
            String state;
            if ("FAILED".equals(delivery)) {
                state = "FAILED";
            } else if (delivery != null && !"DELIVERED".equals(delivery)) {
                state = delivery;
            } else if (withdrawn) {
                state = "WITHDRAWN";
            } else if (lastStatus != null) {
                state = "STATUS_" + lastStatus;
            } else if (confirmed) {
                state = "CONFIRMED";
            } else {
                state = delivery == null ? "UNKNOWN" : delivery;
            }
            List<TimelineEvent> sorted = new ArrayList<>(events);
            sorted.sort(BY_TIME);
            return new TrackedRecipient(organId, channel, delivery, state, lastStatus, List.copyOf(sorted));
        }
    }
}
