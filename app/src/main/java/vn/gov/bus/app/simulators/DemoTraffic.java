package vn.gov.bus.app.simulators;

import java.net.URI;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import vn.gov.bus.app.config.DirectorySeed;
import vn.gov.bus.app.config.DirectorySeeder.SeededDirectory;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.state.Channel;

/**
 * Simulated local document systems of the seeded agencies: in turn, one sends a realistic
 * document over SOAP to another local agency and to a national one; every system then polls its
 * pending box, fetches and confirms what arrived. A newcomer sees documents flow at once.
 */
public class DemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    private final List<DirectorySeed.Entry> locals;
    private final List<DirectorySeed.Entry> nationals;
    private final String cxfPath;
    private final AtomicReference<URI> hubUrl = new AtomicReference<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, LocalDocumentSystemSimulator> systems = new ConcurrentHashMap<>();

    public DemoTraffic(SeededDirectory seed, String cxfPath) {
        this.locals = seed.entries().stream()
                .filter(e -> e.agency().channel() == Channel.LOCAL && e.plainToken() != null).toList();
        this.nationals = seed.entries().stream()
                .filter(e -> e.agency().channel() == Channel.AXIS).toList();
        this.cxfPath = cxfPath;
    }

    @EventListener
    public void onWebServer(WebServerInitializedEvent event) {
        hubUrl.set(URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + cxfPath + "/hub"));
    }

    /** One local system sends one document (a no-op until the web server is up). */
    public void sendOne() {
        URI hub = hubUrl.get();
        if (hub == null || locals.size() < 2) {
            return;
        }
        int n = turn.getAndIncrement();
        DirectorySeed.Entry from = locals.get(n % locals.size());
        DirectorySeed.Entry to = locals.get((n + 1) % locals.size());
        SamplePackages.EdocBuilder builder = SamplePackages.edoc()
                .from(from.agency().organId(), from.agency().name())
                .to(to.agency().organId(), to.agency().name());
        if (!nationals.isEmpty()) {
            DirectorySeed.Entry national = nationals.get(n % nationals.size());
            builder.to(national.agency().organId(), national.agency().name());
        }
        byte[] pkg = builder.build();
        var receipt = simulatorFor(hub, from).send(pkg);
        log.info("demo: {} sent document {} (bus message {})", from.agency().organId(), receipt.documentId(),
                receipt.messageId());
    }

    /** Every local system fetches and confirms what waits in its pending box. */
    public void receiveAll() {
        URI hub = hubUrl.get();
        if (hub == null) {
            return;
        }
        for (DirectorySeed.Entry local : locals) {
            int received = simulatorFor(hub, local).runOnce().received().size();
            if (received > 0) {
                log.info("demo: {} fetched and confirmed {} document(s)", local.agency().organId(), received);
            }
        }
    }

    private LocalDocumentSystemSimulator simulatorFor(URI hub, DirectorySeed.Entry entry) {
        return systems.computeIfAbsent(entry.agency().organId(),
                organId -> new LocalDocumentSystemSimulator(hub, organId, entry.plainToken()));
    }

    @PreDestroy
    public void close() {
        systems.values().forEach(LocalDocumentSystemSimulator::close);
        systems.clear();
    }
}
