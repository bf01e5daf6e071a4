package vn.gov.bus.connectors.registry.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national business registry, simulated: a real SOAP server ({@code registry.wsdl}) on its
 * own port — an embedded Tomcat with the CXF servlet, its own CXF bus — answering from a
 * generated {@link EnterpriseDataset}. Faults on demand for tests and demonstrations:
 * {@link #answerSlowly}, {@link #answerWithFault}, {@link #refuseConnections} (the port is
 * closed: a client gets "connection refused"), {@link #recover}. With {@link #requireLogin} it
 * answers only calls that carry that HTTP Basic login, others get 401.
 */
public final class RegistrySimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistrySimulator.class);

    public static final String PATH = "/registry";

    private final String host;
    private final int requestedPort;
    private final EnterpriseDataset dataset;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final SimulatedRegistryService service;
    private final BasicLoginFilter login = new BasicLoginFilter();
    private Bus bus;
    private Tomcat tomcat;
    private Connector connector;
    private Path baseDir;
    private EndpointImpl endpoint;
    private int port;

    /** @param port 0 for an ephemeral port (tests) */
    public RegistrySimulator(String host, int port, EnterpriseDataset dataset) {
        this.host = host;
        this.requestedPort = port;
        this.dataset = dataset;
        this.service = new SimulatedRegistryService(dataset, faults);
    }

    public synchronized RegistrySimulator start() {
        if (tomcat != null) {
            return this;
        }
        try {
            baseDir = Files.createTempDirectory("registry-simulator");
            bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            connector = new Connector();
            connector.setPort(requestedPort);
            connector.setProperty("address", host);
            // bind on start, unbind on stop: refuseConnections() must really close the port
            connector.setProperty("bindOnInit", "false");
            tomcat.setConnector(connector);
            StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
            context.setClearReferencesObjectStreamClassCaches(false);
            context.setClearReferencesThreadLocals(false);
            context.setClearReferencesRmiTargets(false);
            Tomcat.addServlet(context, "cxf", servlet);
            context.addServletMappingDecoded("/*", "cxf");
            FilterDef loginDef = new FilterDef();
            loginDef.setFilterName("basic-login");
            loginDef.setFilter(login);
            context.addFilterDef(loginDef);
            FilterMap loginMap = new FilterMap();
            loginMap.setFilterName("basic-login");
            loginMap.addURLPatternDecoded("/*");
            context.addFilterMap(loginMap);
            tomcat.start();
            port = connector.getLocalPort();
            // a restarted connector must come back on the same port
            connector.setPort(port);
            endpoint = new EndpointImpl(bus, service);
            endpoint.publish(PATH);
            log.info("Registry simulator listening on {} ({} enterprises, {} household businesses; e.g. {})",
                    endpoint(), dataset.size(), dataset.households(), dataset.code(0));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("registry simulator did not start on port " + requestedPort, e);
        }
    }

    /** Stops the whole simulator (bean destroy method). */
    public void stop() {
        close();
    }

    @Override
    public synchronized void close() {
        if (tomcat == null) {
            return;
        }
        faults.none();
        try {
            endpoint.stop();
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            log.warn("registry simulator did not stop cleanly: {}", e.toString());
        } finally {
            bus.shutdown(true);
            tomcat = null;
            deleteBaseDir();
        }
    }

    public URI endpoint() {
        return URI.create("http://" + host + ":" + port + PATH);
    }

    public int port() {
        return port;
    }

    public EnterpriseDataset dataset() {
        return dataset;
    }

    /** Lookups received so far (those answered with a fault and those held by a delay included). */
    public long requests() {
        return service.requests();
    }

    /**
     * From now on only calls with this HTTP Basic login are answered; others get 401 and are not
     * counted in {@link #requests()}. A null user lifts the requirement. Not cleared by {@link #recover()}:
     * it is how this registry is set up, not a fault.
     */
    public RegistrySimulator requireLogin(String user, String password) {
        if (user != null && (user.isBlank() || user.contains(":") || password == null || password.isEmpty())) {
            throw new IllegalArgumentException("a simulator login needs a user name without ':' and a password");
        }
        login.require(user, password);
        return this;
    }

    /** Calls refused with 401 so far (no login, or the wrong one). */
    public long refusedLogins() {
        return login.refused();
    }

    /** Every answer from now on is held for {@code delay} (released at once by {@link #recover()}). */
    public void answerSlowly(Duration delay) {
        faults.slow(delay);
    }

    /** Every lookup from now on is answered with a RegistryFault of this code (e.g. UNAVAILABLE). */
    public void answerWithFault(String code) {
        faults.soapFault(code);
    }

    /** Closes the listening port: clients get "connection refused" until {@link #recover()}. */
    public synchronized void refuseConnections() {
        try {
            connector.stop();
        } catch (LifecycleException e) {
            throw new IllegalStateException("could not close the registry simulator's port", e);
        }
    }

    /** Back to normal: port open, answers at once, no faults. */
    public synchronized void recover() {
        faults.none();
        if (!connector.getState().isAvailable()) {
            try {
                connector.start();
            } catch (LifecycleException e) {
                throw new IllegalStateException("could not reopen the registry simulator's port " + port, e);
            }
        }
    }

    private void deleteBaseDir() {
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", baseDir, e.toString());
        }
    }
}
