package vn.gov.bus.routes;

import org.slf4j.MDC;

/**
 * The bus's ids in the logging context (SLF4J MDC), so every log line written while a message is
 * handled names it: {@value #MESSAGE_ID} and {@value #DOCUMENT_ID}. Inside Camel routes the unit
 * of work sets them from the headers; threads that handle a message before it reaches Camel (the
 * hub's SOAP threads, the pollers) open a scope here. Closing restores what was there before.
 */
public final class BusMdc implements AutoCloseable {

    public static final String MESSAGE_ID = "bus.messageId";
    public static final String DOCUMENT_ID = "bus.documentId";

    private final String previousMessageId;
    private final String previousDocumentId;

    private BusMdc(String messageId, String documentId) {
        this.previousMessageId = MDC.get(MESSAGE_ID);
        this.previousDocumentId = MDC.get(DOCUMENT_ID);
        put(MESSAGE_ID, messageId);
        put(DOCUMENT_ID, documentId);
    }

    public static BusMdc with(String messageId, String documentId) {
        return new BusMdc(messageId, documentId);
    }

    @Override
    public void close() {
        put(MESSAGE_ID, previousMessageId);
        put(DOCUMENT_ID, previousDocumentId);
    }

    /** Sets a key, or removes it for a null value (MDC keeps no nulls). */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
