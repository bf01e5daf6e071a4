package vn.gov.bus.app.certificates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The expiry watch over the bus's certificates: {@code bus.pki.expiry-warning} (a certificate
 * that expires within it is EXPIRING) and {@code bus.pki.expiry-check-interval} (how often the
 * WARN lines are written). Bound apart from {@code BusProperties.Pki}, which holds where the keys
 * are; both read the same {@code bus.pki} block.
 */
@ConfigurationProperties("bus.pki")
public record CertificateProperties(@DefaultValue("30d") Duration expiryWarning,
                                    @DefaultValue("12h") Duration expiryCheckInterval) {
}
