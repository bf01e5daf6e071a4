package vn.gov.bus.routes.delivery;

/** The same delivery is being sent by another consumer; the message is retried later. */
public class DeliveryInProgressException extends RuntimeException {

    public DeliveryInProgressException(String message) {
        super(message);
    }
}
