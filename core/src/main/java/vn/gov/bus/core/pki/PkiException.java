package vn.gov.bus.core.pki;

/** A key store, certificate or CRL could not be read or written; the message names the file and the cause. */
public class PkiException extends RuntimeException {

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
