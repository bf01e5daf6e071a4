package vn.gov.bus.connectors.mail;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the S/MIME signature of a mail says about its integrity. Whether the signer is trusted is
 * a separate question the caller answers against its trust anchors ({@code chain} is what the
 * signature carried, signer first).
 */
public record SmimeCheck(Outcome outcome, String reason, List<X509Certificate> chain) {

    public enum Outcome {
        /** No multipart/signed anywhere on the way to the content. */
        NOT_SIGNED,
        /** The content digest and the signature match the signer certificate carried. */
        INTACT,
        /** Signed, but the content was changed or the signature does not verify. */
        BROKEN
    }

    public SmimeCheck {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    public static SmimeCheck notSigned() {
        return new SmimeCheck(Outcome.NOT_SIGNED, "the mail carries no S/MIME signature", List.of());
    }

    public X509Certificate signer() {
        return chain.isEmpty() ? null : chain.get(0);
    }
}
