package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.net.URI;

/**
 * A connector whose endpoint and credentials are settings of one route ({@code endpointUrl},
 * {@code credentialsRef}): an administrator changes them while the bus runs, and they are put back
 * in force at every start. Each connector's configuration declares one bean per route it serves;
 * the admin API finds them by {@link #routeId()}.
 */
public interface TunableConnector {

    /** The route whose settings carry this connector's endpoint and credentials. */
    String routeId();

    /** The endpoint in force (the admin API masks any password in it). */
    URI endpoint();

    /**
     * The proposed endpoint, checked against this connector's rules; a refusal is an
     * {@link ApiProblem} naming field {@code endpointUrl} and the rule broken.
     */
    URI parseEndpoint(String text);

    /**
     * Puts this endpoint and secret in force; null means the deployment's configured one (an
     * administrator never set it, or cleared it). The result does not depend on what was in force
     * before, so every node that applies the same stored settings ends in the same state. Work
     * already under way finishes on the old settings; the next call, poll or delivery uses the new
     * ones. Throwing leaves the connector as it was (the admin API then stores nothing).
     */
    void apply(URI endpoint, String secret) throws Exception;
}
