package vn.gov.bus.routes.incoming;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.pki.CertificateCheck;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.signing.PackageVerifier;
import vn.gov.bus.core.signing.VerificationResult;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.xml.XmlRejectedException;
import vn.gov.bus.routes.DeliveryKeys;
import vn.gov.bus.routes.StatusDocuments;

/**
 * Decides whether a package received from outside may enter the bus: it must parse as edXML and
 * carry a valid signature chained to a configured trust anchor. An unsigned package is accepted
 * only from a sender the directory marks {@code ACCEPT_UNSIGNED_FLAGGED} (some provinces' systems
 * still send none), and it then travels flagged.
 */
@Component
public class InboundPackageCheck {

    public static final String REJECT_UNSIGNED = "REJECT_UNSIGNED";
    public static final String ACCEPT_UNSIGNED_FLAGGED = "ACCEPT_UNSIGNED_FLAGGED";

    private final EdxmlReader reader;
    private final PackageVerifier verifier;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final StatusDocuments statusDocuments;
    private final Duration signingTimeWindow;

    public InboundPackageCheck(EdxmlReader reader, PackageVerifier verifier, AgencyDirectory directory,
                               Clock clock, StatusDocuments statusDocuments,
                               @Value("${bus.pki.signing-time-window:7d}") Duration signingTimeWindow) {
        this.signingTimeWindow = signingTimeWindow;
        this.reader = reader;
        this.verifier = verifier;
        this.directory = directory;
        this.clock = clock;
        this.statusDocuments = statusDocuments;
    }

    public InboundVerdict check(byte[] pkg) {
        EdocPackage parsed;
        try {
            parsed = reader.read(pkg);
        } catch (XmlRejectedException | EdxmlException e) {
            return InboundVerdict.reject(null, "MALFORMED_PACKAGE", "the package is not readable edXML: "
                    + e.getMessage());
        }
        // The sender and the document id key the de-duplication: without them nothing can be settled.
        if (isBlank(parsed.fromOrganId())) {
            return InboundVerdict.reject(parsed, "MALFORMED_PACKAGE", "MessageHeader/From/OrganId is missing");
        }
        Optional<String> documentId = statusDocuments.documentIdOf(parsed, parsed.fromOrganId());
        if (documentId.isEmpty()) {
            return InboundVerdict.reject(parsed, "MALFORMED_PACKAGE", parsed.kind() == EdocPackage.Kind.STATUS
                    ? "MessageHeader/ResponseFor/DocumentId is missing and no document of "
                    + (parsed.responseFor().isEmpty() ? "any sender" : parsed.respondedOrganId()) + " with code '"
                    + parsed.respondedCode() + "' was delivered to " + parsed.fromOrganId() + " through this bus"
                    : "MessageHeader/DocumentId is missing");
        }
        // The state tables key on them (64 and 512 characters), as for packages from local systems.
        if (parsed.fromOrganId().length() > 64) {
            return InboundVerdict.reject(parsed, "MALFORMED_PACKAGE", "MessageHeader/From/OrganId is longer than 64 "
                    + "characters");
        }
        if (DeliveryKeys.dedupKeyOf(parsed, documentId.get()).length() > 512) {
            return InboundVerdict.reject(parsed, "MALFORMED_PACKAGE", "the DocumentId (or status key) is longer than "
                    + "512 characters");
        }
        SigningTime when = SigningTime.of(parsed, clock.instant(), signingTimeWindow);
        VerificationResult result = verifier.verify(parsed.dom(), when.at());
        if (result.outcome() == VerificationResult.Outcome.VALID && when.claimed()) {
            VerificationResult now = verifier.verify(parsed.dom(), when.receivedAt());
            if (now.outcome() == VerificationResult.Outcome.UNTRUSTED_CERTIFICATE
                    && now.certificateReason() == CertificateCheck.Reason.REVOKED) {
                return InboundVerdict.reject(parsed, "CERTIFICATE_REVOKED", now.reason()
                        + " (revocation is judged at reception: the signing time a package claims is not a trusted time)");
            }
        }
        List<String> notes = new ArrayList<>(result.warnings());
        if (when.note() != null) {
            notes.add(when.note());
        }
        String warnings = notes.isEmpty() ? "" : "; warnings: " + String.join("; ", notes);
        return switch (result.outcome()) {
            case VALID -> InboundVerdict.accept(parsed, "VALID", result.reason(), "VALID" + warnings);
            case UNSIGNED -> unsigned(parsed, result);
            case UNTRUSTED_CERTIFICATE -> InboundVerdict.reject(parsed, "CERTIFICATE_"
                    + result.certificateReason().name(), when.note() == null ? result.reason()
                    : result.reason() + " (" + when.note() + ")");
            default -> InboundVerdict.reject(parsed, result.outcome().name(), result.reason());
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private InboundVerdict unsigned(EdocPackage parsed, VerificationResult result) {
        String sender = parsed.fromOrganId();
        Optional<Agency> agency = sender == null ? Optional.empty() : directory.find(sender);
        String policy = agency.map(Agency::signaturePolicy).orElse(REJECT_UNSIGNED);
        if (ACCEPT_UNSIGNED_FLAGGED.equals(policy)) {
            return InboundVerdict.accept(parsed, "UNSIGNED_ACCEPTED", "unsigned, accepted because sender " + sender
                    + " has signature policy " + ACCEPT_UNSIGNED_FLAGGED,
                    "UNSIGNED_ACCEPTED; warnings: the package carries no signature; accepted under sender policy "
                            + ACCEPT_UNSIGNED_FLAGGED);
        }
        String why = agency.isEmpty() ? "sender " + sender + " is not in the agency directory, so "
                + REJECT_UNSIGNED + " applies" : "sender " + sender + " has signature policy " + policy;
        return InboundVerdict.reject(parsed, "UNSIGNED", result.reason() + "; " + why);
    }
}
