package vn.gov.bus.app.admin;

import java.net.URI;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisClientConfig;

/**
 * The axis connector's endpoint and HMAC secret, as settings of {@code deliver-axis}. The poller
 * and the directory sync share the same client, so they follow too.
 */
public final class AxisConnectorTuning implements TunableConnector {

    public static final String ROUTE_ID = "deliver-axis";

    private final AxisClient axis;
    private final AxisClientConfig configured;

    /** Made with the client, before anything retunes it: what it has then is the configuration. */
    public AxisConnectorTuning(AxisClient axis) {
        this.axis = axis;
        this.configured = axis.config();
    }

    @Override
    public String routeId() {
        return ROUTE_ID;
    }

    @Override
    public URI endpoint() {
        return axis.config().endpoint();
    }

    @Override
    public URI parseEndpoint(String text) {
        return EndpointUrls.http(text);
    }

    @Override
    public void apply(URI endpoint, String secret) {
        axis.reconfigure(endpoint != null ? endpoint : configured.endpoint(),
                secret != null ? secret : configured.secret());
    }
}
