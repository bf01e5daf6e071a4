package vn.gov.bus.connectors.axis.simulator;

/** The axis cannot accept the bytes as an edXML package; the message says which rule failed. */
public final class MalformedPackageException extends Exception {

    public MalformedPackageException(String message) {
        super(message);
    }

    public MalformedPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
