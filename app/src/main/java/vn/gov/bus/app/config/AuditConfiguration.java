package vn.gov.bus.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * Interim wiring of the audit trail: every event is written to the log named "bus.audit" until
 * the tamper-evident store (hash chain, payload store, checkpoints) provides its own bean.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    private static final Logger audit = LoggerFactory.getLogger("bus.audit");

    @Bean
    @ConditionalOnMissingBean
    AuditTrail logAuditTrail() {
        return event -> audit.info("{} {} message={} document={} route={} sender={} recipient={} actor={} {}",
                event.step(), event.outcome(), event.messageId(), event.documentId(), event.routeId(),
                event.senderId(), event.recipientId(), event.actor(), event.detail() == null ? "" : event.detail());
    }
}
