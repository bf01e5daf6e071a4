package vn.gov.bus.core.signing;

/**
 * What the verifier tolerates.
 *
 * @param allowSha1 accept RSA-SHA1 signatures and SHA-1 digests (every public sample of the
 *                  reference library uses them); each acceptance is recorded as a warning
 */
public record VerifierPolicy(boolean allowSha1) {

    /** SHA-1 refused. */
    public static VerifierPolicy strict() {
        return new VerifierPolicy(false);
    }

    /** SHA-1 accepted with a warning, for partners still on the reference library's defaults. */
    public static VerifierPolicy allowingSha1() {
        return new VerifierPolicy(true);
    }
}
