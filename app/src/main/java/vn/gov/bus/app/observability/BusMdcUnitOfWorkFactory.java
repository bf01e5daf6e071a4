package vn.gov.bus.app.observability;

import org.apache.camel.Exchange;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;

/**
 * Makes every Camel exchange's unit of work a {@link BusMdcUnitOfWork}. Camel's Spring Boot
 * configurer picks the single UnitOfWorkFactory bean up. The bus's MDC keys are propagated when
 * routing continues on another thread ({@code bus.*}).
 */
public class BusMdcUnitOfWorkFactory implements UnitOfWorkFactory {

    static final String PROPAGATED_KEYS = "bus.*";

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        return BusMdcUnitOfWork.of(exchange, PROPAGATED_KEYS);
    }
}
