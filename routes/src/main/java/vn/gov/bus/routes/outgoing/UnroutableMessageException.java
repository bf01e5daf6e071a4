package vn.gov.bus.routes.outgoing;

/** A queued package cannot be routed (e.g. a recipient left the directory); retrying will not help. */
public class UnroutableMessageException extends RuntimeException {

    public UnroutableMessageException(String message) {
        super(message);
    }
}
