package vn.gov.bus.connectors.feeds;

/**
 * A feed file that cannot be accepted as it is: the message says where (line, field) and which
 * rule, in Vietnamese then English, and goes verbatim into the reason file next to the file in
 * {@code .error/}. Never retried: the partner must send a corrected file.
 */
public class FeedRejectedException extends RuntimeException {

    private final String code;

    public FeedRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public FeedRejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable machine-readable reason (MALFORMED_XML, SCHEMA, FIELD, LAYOUT, DUPLICATE, UNKNOWN_DOSSIER…). */
    public String code() {
        return code;
    }

    public static FeedRejectedException field(long line, String field, String rule) {
        return new FeedRejectedException("FIELD", "Dòng %d, trường '%s': %s / line %d, field '%s': %s"
                .formatted(line, field, rule, line, field, rule));
    }
}
