package vn.gov.bus.app.feeds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditTrail;

/** Keeps every audit event of a test's bus, to assert on what was audited. */
public class RecordingAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
