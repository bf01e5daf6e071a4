package vn.gov.bus.connectors.qlvb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands for the bus in these tests: keeps sent and pending packages in memory. */
final class InMemoryHubBackend implements HubBackend {

    record Sent(String organId, String messageType, byte[] pkg) {
    }

    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Map<String, Waiting>> pendingByOrgan = new LinkedHashMap<>();
    private final List<Organization> organizations = new ArrayList<>();
    private HubRejection nextRejection;
    private RuntimeException nextFailure;
    private CountDownLatch sendGate = new CountDownLatch(0);

    private record Waiting(PendingItem item, byte[] pkg) {
    }

    /** The next send is refused with this rejection. */
    synchronized void rejectNextSend(HubRejection rejection) {
        this.nextRejection = rejection;
    }

    /** Every call fails with this exception, as a broken database would make it. */
    synchronized void failWith(RuntimeException failure) {
        this.nextFailure = failure;
    }

    /** Sends wait until the gate opens, as a hub stuck on its storage would. */
    synchronized void holdSendsUntil(CountDownLatch gate) {
        this.sendGate = gate;
    }

    synchronized void addOrganization(Organization organization) {
        organizations.add(organization);
    }

    /** A package for {@code to}, as if routed to it by the bus. Returns its id. */
    synchronized String deliver(String to, String from, String messageType, String documentId, byte[] pkg) {
        String id = "pending-" + sequence.incrementAndGet();
        PendingItem item = new PendingItem(id, documentId, from, messageType, Instant.parse("2025-03-12T08:30:00Z"));
        pendingByOrgan.computeIfAbsent(to, organ -> new LinkedHashMap<>()).put(id, new Waiting(item, pkg));
        return id;
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public SendReceipt send(String organId, String messageType, byte[] pkg) throws HubRejection {
        awaitGate();
        return record(organId, messageType, pkg);
    }

    private synchronized SendReceipt record(String organId, String messageType, byte[] pkg) throws HubRejection {
        failIfBroken();
        if (nextRejection != null) {
            HubRejection rejection = nextRejection;
            nextRejection = null;
            throw rejection;
        }
        sent.add(new Sent(organId, messageType, pkg));
        String documentId = organId + ",2025/03/12," + sequence.incrementAndGet() + "/UBND-VP";
        return new SendReceipt("msg-" + sequence.incrementAndGet(), documentId, Instant.parse("2025-03-12T08:00:00Z"));
    }

    @Override
    public synchronized List<PendingItem> pending(String organId) {
        failIfBroken();
        return pendingByOrgan.getOrDefault(organId, Map.of()).values().stream().map(Waiting::item).toList();
    }

    @Override
    public synchronized PendingDocument fetch(String organId, String id) throws HubRejection {
        failIfBroken();
        Waiting waiting = waiting(organId, id);
        return new PendingDocument(id, waiting.item().messageType(), waiting.pkg());
    }

    @Override
    public synchronized void confirmReceived(String organId, String id) throws HubRejection {
        failIfBroken();
        waiting(organId, id);
        pendingByOrgan.get(organId).remove(id);
    }

    @Override
    public synchronized List<Organization> organizations() {
        failIfBroken();
        return List.copyOf(organizations);
    }

    private Waiting waiting(String organId, String id) throws HubRejection {
        Waiting waiting = pendingByOrgan.getOrDefault(organId, Map.of()).get(id);
        if (waiting == null) {
            throw new HubRejection(HubErrorCode.NOT_FOUND, "id", "pending-for-caller",
                    "No package " + id + " is waiting for " + organId);
        }
        return waiting;
    }

    private void awaitGate() {
        CountDownLatch gate;
        synchronized (this) {
            gate = sendGate;
        }
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the send gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void failIfBroken() {
        if (nextFailure != null) {
            throw nextFailure;
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
