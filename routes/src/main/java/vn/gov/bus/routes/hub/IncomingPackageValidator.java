package vn.gov.bus.routes.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.qlvb.HubRejection;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.PackageRules;
import vn.gov.bus.core.edxml.Violation;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.xml.XmlRejectedException;

/**
 * Checks a package a local document system submits, before anything is queued, so the sender gets
 * one specific fault (which field, which rule) and nothing bad enters the bus.
 */
@Component
public class IncomingPackageValidator {

    private static final Logger log = LoggerFactory.getLogger(IncomingPackageValidator.class);

    private final EdxmlReader reader;
    private final PackageRules rules;
    private final AgencyDirectory directory;

    public IncomingPackageValidator(EdxmlReader reader, PackageRules rules, AgencyDirectory directory) {
        this.reader = reader;
        this.rules = rules;
        this.directory = directory;
    }

    public EdocPackage validate(String senderId, String declaredType, byte[] pkg) throws HubRejection {
        EdocPackage parsed = parse(pkg);
        checkType(declaredType, parsed);
        String from = parsed.fromOrganId();
        if (!senderId.equals(from)) {
            throw new HubRejection("SENDER_MISMATCH", "MessageHeader/From/OrganId", "equals-authenticated-agency",
                    "the package is from '" + from + "' but the caller authenticated as '" + senderId + "'");
        }
        List<Violation> violations = rules.check(parsed);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new HubRejection(codeFor(first.rule()), first.field(), first.rule(), describe(violations));
        }
        for (Violation warning : rules.warnings(parsed)) {
            log.warn("package {} from {}: {} ({}: {})", parsed.documentId(), senderId, warning.message(),
                    warning.field(), warning.rule());
        }
        checkRecipients(parsed);
        return parsed;
    }

    private EdocPackage parse(byte[] pkg) throws HubRejection {
        try {
            return reader.read(pkg);
        } catch (XmlRejectedException e) {
            String code = switch (e.reason()) {
                case DTD_FORBIDDEN -> "DTD_FORBIDDEN";
                case TOO_LARGE -> "PACKAGE_TOO_LARGE";
                case TOO_DEEP -> "NESTING_TOO_DEEP";
                case MALFORMED -> "MALFORMED_XML";
            };
            throw new HubRejection(code, "package", e.reason().name().toLowerCase().replace('_', '-'),
                    e.getMessage());
        } catch (EdxmlException e) {
            throw new HubRejection("SCHEMA_INVALID", e.field(), e.rule(), e.getMessage());
        }
    }

    private static void checkType(String declaredType, EdocPackage parsed) throws HubRejection {
        if (declaredType != null && !declaredType.isBlank()
                && !declaredType.equalsIgnoreCase(parsed.kind().name())) {
            throw new HubRejection("MESSAGE_TYPE_MISMATCH", "messageType", "matches-package",
                    "messageType is " + declaredType + " but the package is a " + parsed.kind() + " package");
        }
    }

    private void checkRecipients(EdocPackage parsed) throws HubRejection {
        List<String> recipients = parsed.kind() == EdocPackage.Kind.STATUS
                ? List.of(parsed.respondedOrganId()) : parsed.toOrganIds();
        for (int i = 0; i < recipients.size(); i++) {
            String organId = recipients.get(i);
            String field = parsed.kind() == EdocPackage.Kind.STATUS
                    ? "MessageHeader/ResponseFor/OrganId" : "MessageHeader/To[" + (i + 1) + "]/OrganId";
            Optional<Agency> agency = directory.find(organId);
            if (agency.isEmpty()) {
                throw new HubRejection("UNKNOWN_RECIPIENT", field, "known-recipient",
                        "recipient '" + organId + "' is not in the agency directory");
            }
            if (agency.get().channel() == Channel.MAIL
                    && (agency.get().mail() == null || agency.get().mail().isBlank())) {
                throw new HubRejection("CHANNEL_UNAVAILABLE", field, "deliverable-channel",
                        "recipient '" + organId + "' is reachable only by mail and has no mail address in the"
                                + " agency directory");
            }
        }
    }

    private static String codeFor(String rule) {
        if (rule == null) {
            return "INVALID_FIELD";
        }
        if (rule.contains("base64")) {
            return "INVALID_BASE64";
        }
        if (rule.startsWith("max-length")) {
            return "FIELD_TOO_LONG";
        }
        if (rule.contains("size") || rule.contains("too-large")) {
            return "ATTACHMENT_TOO_LARGE";
        }
        if (rule.equals("duplicate")) {
            return "DUPLICATE_RECIPIENT";
        }
        return "INVALID_FIELD";
    }

    private static String describe(List<Violation> violations) {
        List<String> parts = new ArrayList<>();
        for (Violation v : violations) {
            parts.add(v.field() + ": " + v.message() + " [" + v.rule() + "]");
        }
        return String.join("; ", parts);
    }
}
