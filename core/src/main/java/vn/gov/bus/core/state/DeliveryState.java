package vn.gov.bus.core.state;

public enum DeliveryState {
    /** Routed and waiting on a channel queue. */
    QUEUED,
    /** A send to the remote side started; its outcome is unknown until recorded. */
    SENDING,
    /** The last send failed in a way that may still have delivered it (e.g. a timeout). */
    UNCERTAIN,
    DELIVERED,
    FAILED
}
