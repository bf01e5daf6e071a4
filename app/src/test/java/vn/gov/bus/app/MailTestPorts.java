package vn.gov.bus.app;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Free ports for the embedded mail server simulator (SMTP, IMAP) and the bus's mail settings that
 * point at it, for every test that starts the simulators.
 */
public final class MailTestPorts {

    private MailTestPorts() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        int smtp = TestPorts.free();
        int imap = TestPorts.free();
        registry.add("bus.simulators.mail.smtp-port", () -> smtp);
        registry.add("bus.simulators.mail.imap-port", () -> imap);
        registry.add("bus.mail.smtp.port", () -> smtp);
        registry.add("bus.mail.imap.port", () -> imap);
    }
}
