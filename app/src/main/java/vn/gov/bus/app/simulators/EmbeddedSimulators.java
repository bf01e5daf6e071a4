package vn.gov.bus.app.simulators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.config.BusProperties;
import vn.gov.bus.app.config.MailProperties;
import vn.gov.bus.app.config.MailSimulatorProperties;
import vn.gov.bus.app.config.RegistrySimulatorProperties;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.mail.simulator.MailServerSimulator;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;

/**
 * The built-in simulators of the external systems, for the embedded demo: each is a real server
 * on its own port speaking the partner's protocol, so the bus talks to it exactly as it would to
 * the real system. Off in production (bus.simulators.enabled=false).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bus.simulators.enabled", havingValue = "true")
public class EmbeddedSimulators {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulators.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    AxisSimulator axisSimulator(BusProperties bus) {
        AxisSimulator simulator = new AxisSimulator(AxisSimulatorConfig.builder()
                .host("127.0.0.1")
                .port(bus.simulators().axisPort())
                .system(bus.axis().systemId(), bus.axis().secret())
                .directorySize(bus.simulators().axisDirectorySize())
                .build());
        log.info("Axis simulator listening on http://127.0.0.1:{} (system {})", bus.simulators().axisPort(),
                bus.axis().systemId());
        return simulator;
    }

    /** The national business registry: SOAP on its own port, a generated dataset of enterprises. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    RegistrySimulator registrySimulator(RegistrySimulatorProperties registry) {
        RegistrySimulator simulator = new RegistrySimulator("127.0.0.1", registry.port(),
                new EnterpriseDataset(registry.enterprises()));
        return registry.requiresLogin() ? simulator.requireLogin(registry.username(), registry.password()) : simulator;
    }

    /** The official mail server: SMTP and IMAP on their own ports, with the configured mailboxes. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    MailServerSimulator mailServerSimulator(MailSimulatorProperties simulator, MailProperties mail) {
        Map<String, String> mailboxes = new LinkedHashMap<>();
        if (mail.imap().username() != null && !mail.imap().username().isBlank()) {
            mailboxes.put(mail.imap().username(), mail.imap().password());
        }
        simulator.mailboxes().forEach(m -> mailboxes.put(m.address(), m.password()));
        return new MailServerSimulator("127.0.0.1", simulator.smtpPort(), simulator.imapPort(), mailboxes);
    }
}
