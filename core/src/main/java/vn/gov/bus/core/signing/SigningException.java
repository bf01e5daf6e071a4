package vn.gov.bus.core.signing;

/** A package could not be signed; the message says which element or key was the problem. */
public class SigningException extends RuntimeException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
