package vn.gov.bus.app.observability;

import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.MDC;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.BusMdc;

/**
 * Camel's MDC unit of work plus the bus's own ids: before every processor the message id and
 * DocumentId headers are copied into the MDC (a route that learns the DocumentId mid-way has it
 * from the next step on), and Camel's clearing restores what the thread had before, so no id
 * leaks into the next message handled on a pooled JMS consumer thread, and a hub or poller thread
 * that opened a {@link BusMdc} scope gets its own ids back.
 */
final class BusMdcUnitOfWork extends MDCUnitOfWork {

    private final String pattern;
    private final String originalMessageId;
    private final String originalDocumentId;

    private BusMdcUnitOfWork(Exchange exchange, String pattern, String originalMessageId, String originalDocumentId) {
        super(exchange, exchange.getContext().getInflightRepository(), pattern,
                exchange.getContext().isAllowUseOriginalMessage(), exchange.getContext().isUseBreadcrumb());
        this.pattern = pattern;
        this.originalMessageId = originalMessageId;
        this.originalDocumentId = originalDocumentId;
    }

    /** Reads the thread's ids before the super constructor replaces them with the exchange's. */
    static BusMdcUnitOfWork of(Exchange exchange, String pattern) {
        return new BusMdcUnitOfWork(exchange, pattern, MDC.get(BusMdc.MESSAGE_ID), MDC.get(BusMdc.DOCUMENT_ID));
    }

    @Override
    protected void prepareMDC(Exchange exchange) {
        super.prepareMDC(exchange);
        put(exchange, BusHeaders.MESSAGE_ID, BusMdc.MESSAGE_ID);
        put(exchange, BusHeaders.DOCUMENT_ID, BusMdc.DOCUMENT_ID);
    }

    private static void put(Exchange exchange, String header, String key) {
        Object value = exchange.getMessage().getHeader(header);
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    @Override
    public UnitOfWork newInstance(Exchange exchange) {
        return of(exchange, pattern);
    }

    @Override
    public void clear() {
        super.clear();
        BusMdc.put(BusMdc.MESSAGE_ID, originalMessageId);
        BusMdc.put(BusMdc.DOCUMENT_ID, originalDocumentId);
    }
}
