package vn.gov.bus.connectors.qlvb;

import java.io.IOException;

/** The request body went past {@link HubLimits#maxMessageBytes()} while being read. */
public class MessageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public MessageTooLargeException(long limit) {
        super("the request is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
