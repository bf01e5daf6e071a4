package vn.gov.bus.connectors.registry.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults the simulated registry shows on demand, as the real one does on a bad day: answers that
 * come late, SOAP faults, or no listener at all (see {@link RegistrySimulator#refuseConnections()}).
 */
final class SimulatorFaults {

    enum Mode { NONE, SLOW, SOAP_FAULT }

    private volatile Mode mode = Mode.NONE;
    private volatile Duration delay = Duration.ZERO;
    private volatile String faultCode;
    /** Released on every change of mode, so that a delayed answer does not outlive its fault. */
    private volatile CountDownLatch changed = new CountDownLatch(1);

    synchronized void slow(Duration value) {
        delay = value;
        set(Mode.SLOW);
    }

    synchronized void soapFault(String code) {
        faultCode = code;
        set(Mode.SOAP_FAULT);
    }

    synchronized void none() {
        set(Mode.NONE);
    }

    Mode mode() {
        return mode;
    }

    String faultCode() {
        return faultCode;
    }

    /** Holds an answer for the configured delay, or until the fault is cleared. */
    void delayAnswer() throws InterruptedException {
        CountDownLatch latch = changed;
        if (mode == Mode.SLOW) {
            latch.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void set(Mode value) {
        mode = value;
        CountDownLatch previous = changed;
        changed = new CountDownLatch(1);
        previous.countDown();
    }
}
