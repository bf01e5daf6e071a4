package vn.gov.bus.connectors.qlvb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * The hub endpoint served over real HTTP: an embedded Tomcat on an ephemeral port, the CXF
 * servlet at {@code /services}, the endpoint published at {@code /hub} as the app does it.
 */
final class HubTestServer implements AutoCloseable {

    private final Bus bus;
    private final Tomcat tomcat;
    private final Path baseDir;
    private final EndpointImpl endpoint;
    private final int port;
    private final List<String> requestContentTypes = new CopyOnWriteArrayList<>();

    HubTestServer(DocumentHubEndpoint impl) {
        try {
            baseDir = Files.createTempDirectory("hub-tomcat");
            bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            // As the app configures it (server.tomcat.max-swallow-size): after refusing an oversized
            // request, Tomcat reads and discards the rest of it so the client gets to read the fault;
            // with Tomcat's default (2 MB) a 20 MB upload ends in a connection reset instead.
            connector.setProperty("maxSwallowSize", String.valueOf(128 * 1024 * 1024));
            tomcat.setConnector(connector);
            StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
            // Leak protection of a redeployable web app means nothing for one servlet in a test.
            context.setClearReferencesObjectStreamClassCaches(false);
            context.setClearReferencesThreadLocals(false);
            context.setClearReferencesRmiTargets(false);
            Tomcat.addServlet(context, "cxf", servlet);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
            port = connector.getLocalPort();
            endpoint = HubEndpointPublisher.publish(bus, "/hub", impl);
            endpoint.getInInterceptors().add(new ContentTypeRecorder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    URI hubUrl() {
        return URI.create("http://localhost:" + port + "/services/hub");
    }

    int port() {
        return port;
    }

    /** Content-Type of every request the endpoint received, in order. */
    List<String> requestContentTypes() {
        return requestContentTypes;
    }

    @Override
    public void close() throws Exception {
        endpoint.stop();
        tomcat.stop();
        tomcat.destroy();
        bus.shutdown(true);
        try (var files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private final class ContentTypeRecorder extends AbstractPhaseInterceptor<Message> {
        ContentTypeRecorder() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            requestContentTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
        }
    }
}
