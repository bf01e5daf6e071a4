package vn.gov.bus.app;

import vn.gov.bus.app.config.FreePorts;

/**
 * Free TCP ports for servers a test must name before they start (simulators, bus processes): see
 * {@link FreePorts} for why not the kernel's port 0.
 */
public final class TestPorts {

    private TestPorts() {
    }

    public static int free() {
        return FreePorts.next();
    }
}
