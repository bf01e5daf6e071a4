package vn.gov.bus.app;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings every test that starts the bus with its embedded simulators needs: its own data
 * directory and a free port for each simulator (axis, business registry, mail server), with the
 * bus's client settings pointing at them. Spring keeps test contexts alive between test classes,
 * so a simulator left on its fixed default port collides with the next context that starts it.
 * A new simulator is registered here once, not in every test.
 */
public final class SimulatorTestPorts {

    private SimulatorTestPorts() {
    }

    /** @return the ports chosen, for tests that talk to a simulator themselves */
    public static Ports register(DynamicPropertyRegistry registry, Path dataDir) {
        Ports ports = new Ports(TestPorts.free(), TestPorts.free(), TestPorts.free());
        registry.add("bus.data-dir", dataDir::toString);
        registry.add("bus.simulators.axis-port", ports::axis);
        registry.add("bus.axis.endpoint", () -> "http://127.0.0.1:" + ports.axis());
        registry.add("bus.simulators.registry.port", () -> 0);
        registry.add("bus.simulators.mail.smtp-port", ports::smtp);
        registry.add("bus.simulators.mail.imap-port", ports::imap);
        registry.add("bus.mail.smtp.port", ports::smtp);
        registry.add("bus.mail.imap.port", ports::imap);
        return ports;
    }

    public record Ports(int axis, int smtp, int imap) {
    }
}
