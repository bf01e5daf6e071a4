package vn.gov.bus.connectors.axis.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisProtocol;
import vn.gov.bus.connectors.axis.AxisRequestSigner;

/**
 * The simulator's memory: packages, per-system inboxes, organ routing and registered agencies.
 * One lock guards it all: the simulator serves tests and demos, not production load, and a single
 * lock keeps every state change trivially consistent.
 */
final class SimulatorStore {

    /** A package sent by a system, with how far its recipients got. */
    record SentView(ReceivedPackage pkg, String receiveStatus) {
    }

    private record Registration(String systemId, AxisAgency agency) {
    }

    private final Clock clock;
    private final List<ReceivedPackage> received = new ArrayList<>();
    private final Map<String, ReceivedPackage> byDocId = new HashMap<>();
    private final Map<String, Map<String, InboxEntry>> inboxes = new HashMap<>();
    private final Map<String, List<String>> routedTo = new HashMap<>();
    private final Map<String, String> organToSystem = new HashMap<>();
    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private long nextAgencyId;

    SimulatorStore(Clock clock, Map<String, String> organToSystem, long firstRegisteredAgencyId) {
        this.clock = clock;
        this.organToSystem.putAll(organToSystem);
        this.nextAgencyId = firstRegisteredAgencyId;
    }

    synchronized ReceivedPackage acceptSent(String senderSystemId, PackageHeader header, String messageType,
                                            byte[] content) {
        ReceivedPackage pkg = newPackage(senderSystemId, header, messageType, content);
        received.add(pkg);
        Set<String> systems = new LinkedHashSet<>();
        for (String organ : header.toOrganIds()) {
            String system = organToSystem.get(organ);
            // A recipient served by the sender itself does not travel back through the axis.
            if (system != null && !system.equals(senderSystemId)) {
                systems.add(system);
            }
        }
        systems.forEach(system -> deliver(system, pkg));
        return pkg;
    }

    synchronized ReceivedPackage enqueue(String toSystemId, PackageHeader header, String messageType, byte[] content) {
        ReceivedPackage pkg = newPackage(null, header, messageType, content);
        deliver(toSystemId, pkg);
        return pkg;
    }

    private ReceivedPackage newPackage(String sender, PackageHeader header, String messageType, byte[] content) {
        ReceivedPackage pkg = new ReceivedPackage(UUID.randomUUID().toString(), sender, header.documentId(),
                header.fromOrganId(), header.toOrganIds(), messageType, content,
                AxisRequestSigner.sha256Hex(content), clock.instant());
        byDocId.put(pkg.docId(), pkg);
        return pkg;
    }

    private void deliver(String systemId, ReceivedPackage pkg) {
        inboxes.computeIfAbsent(systemId, s -> new LinkedHashMap<>())
                .put(pkg.docId(), new InboxEntry(systemId, pkg, InboxEntry.WAITING, null, clock.instant()));
        routedTo.computeIfAbsent(pkg.docId(), d -> new ArrayList<>()).add(systemId);
    }

    /** Entries not yet acknowledged {@code done}, oldest first. */
    synchronized List<InboxEntry> waiting(String systemId, String messageType) {
        return inboxes.getOrDefault(systemId, Map.of()).values().stream()
                .filter(e -> !AxisProtocol.TRANSPORT_DONE.equals(e.status()))
                .filter(e -> messageType == null || messageType.equals(e.pkg().messageType()))
                .toList();
    }

    /** Every entry ever delivered to the system, including those acknowledged {@code done}. */
    synchronized List<InboxEntry> deliveries(String systemId) {
        return List.copyOf(inboxes.getOrDefault(systemId, Map.of()).values());
    }

    synchronized ReceivedPackage download(String systemId, String docId) {
        return entry(systemId, docId).pkg();
    }

    synchronized void acknowledge(String systemId, String docId, String status, String reason) {
        InboxEntry entry = entry(systemId, docId);
        inboxes.get(systemId).put(docId, new InboxEntry(systemId, entry.pkg(), status, reason, clock.instant()));
    }

    private InboxEntry entry(String systemId, String docId) {
        InboxEntry entry = inboxes.getOrDefault(systemId, Map.of()).get(docId);
        if (entry == null || AxisProtocol.TRANSPORT_DONE.equals(entry.status())) {
            throw new SimulatorFailure("NOT_FOUND", "no package with docId " + docId + " waits for system "
                    + systemId + (entry == null ? "" : " (it was acknowledged done)"));
        }
        return entry;
    }

    synchronized List<SentView> sentBy(String systemId, String documentIdFilter) {
        return received.stream()
                .filter(p -> systemId.equals(p.senderSystemId()))
                .filter(p -> documentIdFilter == null || documentIdFilter.equals(p.documentId()))
                .map(p -> new SentView(p, receiveStatus(p.docId())))
                .toList();
    }

    private String receiveStatus(String docId) {
        List<String> systems = routedTo.getOrDefault(docId, List.of());
        if (systems.isEmpty()) {
            return "unrouted";
        }
        List<String> states = systems.stream().map(s -> inboxes.get(s).get(docId).status()).toList();
        if (states.contains(AxisProtocol.TRANSPORT_FAIL)) {
            return AxisProtocol.TRANSPORT_FAIL;
        }
        if (states.stream().allMatch(AxisProtocol.TRANSPORT_DONE::equals)) {
            return AxisProtocol.TRANSPORT_DONE;
        }
        return states.contains(AxisProtocol.TRANSPORT_PROCESSING) ? AxisProtocol.TRANSPORT_PROCESSING
                : InboxEntry.WAITING;
    }

    synchronized AxisAgency register(String systemId, String code, String name, String mail) {
        Registration existing = registrations.get(code);
        String routedSystem = organToSystem.get(code);
        if (existing != null && !existing.systemId().equals(systemId)
                || existing == null && routedSystem != null && !routedSystem.equals(systemId)) {
            throw new SimulatorFailure("AGENCY_CONFLICT", "agency " + code + " already belongs to system "
                    + (existing != null ? existing.systemId() : routedSystem));
        }
        String id = existing != null ? existing.agency().id() : Long.toString(nextAgencyId++);
        // Registered agencies hang under the registering centre, whose code is its system id.
        AxisAgency agency = new AxisAgency(id, systemId, code, name, mail);
        registrations.put(code, new Registration(systemId, agency));
        organToSystem.put(code, systemId);
        return agency;
    }

    synchronized void deregister(String systemId, String code) {
        Registration existing = registrations.get(code);
        if (existing == null || !existing.systemId().equals(systemId)) {
            throw new SimulatorFailure("NOT_FOUND", "agency " + code + " is not registered by system " + systemId);
        }
        registrations.remove(code);
        organToSystem.remove(code, systemId);
    }

    synchronized List<AxisAgency> registeredAgencies() {
        return registrations.values().stream().map(Registration::agency).toList();
    }

    synchronized void route(String organId, String systemId) {
        organToSystem.put(Objects.requireNonNull(organId), Objects.requireNonNull(systemId));
    }

    synchronized List<ReceivedPackage> received() {
        return List.copyOf(received);
    }

    synchronized long countByDocumentId(String documentId) {
        return received.stream().filter(p -> Objects.equals(documentId, p.documentId())).count();
    }
}
