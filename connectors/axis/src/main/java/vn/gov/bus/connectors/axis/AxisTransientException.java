package vn.gov.bus.connectors.axis;

import java.time.Duration;
import java.util.Optional;

/**
 * The call may succeed later: network error, timeout, HTTP 5xx or 429, an answer that could not
 * be read. The caller retries (a repeated {@code sendEdoc} can create a duplicate on the axis;
 * receivers de-duplicate on DocumentId).
 */
public final class AxisTransientException extends AxisException {

    private final Duration retryAfter;

    public AxisTransientException(String operation, int httpStatus, String message, Duration retryAfter,
                                  Throwable cause) {
        super(operation, httpStatus, message, cause);
        this.retryAfter = retryAfter;
    }

    public AxisTransientException(String operation, String message, Throwable cause) {
        this(operation, 0, message, null, cause);
    }

    /** The server's {@code Retry-After}, when it gave one in seconds. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
