package vn.gov.bus.connectors.qlvb;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import vn.gov.bus.schemas.hub.AgencyCredentials;
import vn.gov.bus.schemas.hub.ConfirmReceived;
import vn.gov.bus.schemas.hub.DocumentHub;
import vn.gov.bus.schemas.hub.GetDocument;
import vn.gov.bus.schemas.hub.GetDocumentResponse;
import vn.gov.bus.schemas.hub.GetOrganizations;
import vn.gov.bus.schemas.hub.GetPendingDocumentIds;
import vn.gov.bus.schemas.hub.HubFault;
import vn.gov.bus.schemas.hub.HubFaultDetail;
import vn.gov.bus.schemas.hub.MessageType;
import vn.gov.bus.schemas.hub.SendDocument;
import vn.gov.bus.schemas.hub.SendDocumentResponse;

/**
 * A local document system (QLVB&amp;ĐH) as the hub sees it: a real SOAP client of
 * {@code hub.wsdl}, generated-interface proxy over HTTP, sending packages with MTOM. It does not
 * listen; {@link #runOnce()} is one pass of its receive loop. Not thread-safe: one simulator
 * stands for one system making one call at a time.
 */
public final class LocalDocumentSystemSimulator implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(60);

    private final String organId;
    private final String token;
    private final Bus bus;
    private final DocumentHub hub;

    public LocalDocumentSystemSimulator(URI hubUrl, String organId, String token) {
        this(hubUrl, organId, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RECEIVE_TIMEOUT);
    }

    public LocalDocumentSystemSimulator(URI hubUrl, String organId, String token,
                                        Duration connectTimeout, Duration receiveTimeout) {
        Objects.requireNonNull(hubUrl, "hubUrl");
        this.organId = Objects.requireNonNull(organId, "organId");
        this.token = Objects.requireNonNull(token, "token");
        // Its own bus: the simulator is a separate system and must not share the hub's settings.
        this.bus = BusFactory.newInstance().createBus();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(DocumentHub.class);
        factory.setAddress(hubUrl.toString());
        this.hub = factory.create(DocumentHub.class);
        ((SOAPBinding) ((BindingProvider) hub).getBinding()).setMTOMEnabled(true);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(receiveTimeout.toMillis());
        ((HTTPConduit) ClientProxy.getClient(hub).getConduit()).setClient(policy);
    }

    public String organId() {
        return organId;
    }

    /** Sends an edoc package. */
    public SendReceipt send(byte[] pkg) {
        return send(MessageType.EDOC, pkg);
    }

    /** Sends a status package. */
    public SendReceipt sendStatus(byte[] pkg) {
        return send(MessageType.STATUS, pkg);
    }

    public List<PendingItem> pendingIds() {
        return call(() -> hub.getPendingDocumentIds(new GetPendingDocumentIds(), credentials()).getItem().stream()
                .map(item -> new PendingItem(item.getId(), item.getDocumentId(), item.getFrom(),
                        item.getMessageType().value(), XmlDateTimes.toInstant(item.getReceivedAt())))
                .toList());
    }

    public byte[] fetch(String id) {
        return call(() -> {
            GetDocument request = new GetDocument();
            request.setId(id);
            GetDocumentResponse response = hub.getDocument(request, credentials());
            return readAll(response.getPackage());
        });
    }

    public void confirm(String id) {
        call(() -> {
            ConfirmReceived request = new ConfirmReceived();
            request.setId(id);
            return hub.confirmReceived(request, credentials());
        });
    }

    public List<Organization> organizations() {
        return call(() -> hub.getOrganizations(new GetOrganizations(), credentials()).getOrganization().stream()
                .map(o -> new Organization(o.getOrganId(), o.getName(), o.getChannel()))
                .toList());
    }

    /**
     * One pass of the receive loop: every pending package is fetched, kept, then confirmed. An
     * item that fails stays pending on the hub (it is not confirmed) and is reported, and the
     * pass goes on with the next one.
     */
    public ReceiveRound runOnce() {
        List<ReceivedDocument> received = new ArrayList<>();
        List<ReceiveRound.Failure> failures = new ArrayList<>();
        for (PendingItem item : pendingIds()) {
            try {
                byte[] pkg = fetch(item.id());
                confirm(item.id());
                received.add(new ReceivedDocument(item, pkg));
            } catch (HubCallException e) {
                failures.add(new ReceiveRound.Failure(item, e));
            }
        }
        return new ReceiveRound(received, failures);
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }

    private SendReceipt send(MessageType type, byte[] pkg) {
        return call(() -> {
            SendDocument request = new SendDocument();
            request.setMessageType(type);
            request.setPackage(new DataHandler(new ByteDataSource(pkg, "application/octet-stream")));
            SendDocumentResponse response = hub.sendDocument(request, credentials());
            return new SendReceipt(response.getMessageId(), response.getDocumentId(),
                    XmlDateTimes.toInstant(response.getReceivedAt()));
        });
    }

    private AgencyCredentials credentials() {
        AgencyCredentials credentials = new AgencyCredentials();
        credentials.setOrganId(organId);
        credentials.setToken(token);
        return credentials;
    }

    @FunctionalInterface
    private interface HubOperation<T> {
        T call() throws HubFault, IOException;
    }

    private static <T> T call(HubOperation<T> operation) {
        try {
            return operation.call();
        } catch (HubFault fault) {
            HubFaultDetail detail = fault.getFaultInfo();
            if (detail == null) {
                throw new HubCallException(HubCallException.SOAP_FAULT, null, null, fault.getMessage(), fault);
            }
            throw new HubCallException(detail.getCode(), detail.getField(), detail.getRule(), detail.getMessage(),
                    detail.getMessageVi(), fault);
        } catch (SOAPFaultException fault) {
            throw new HubCallException(HubCallException.SOAP_FAULT, null, null, fault.getMessage(), fault);
        } catch (WebServiceException | IOException failure) {
            throw new HubCallException(HubCallException.UNREACHABLE, null, null, failure.getMessage(), failure);
        }
    }

    private static byte[] readAll(DataHandler handler) throws IOException {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
