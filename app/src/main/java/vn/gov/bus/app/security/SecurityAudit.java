package vn.gov.bus.app.security;

import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * What people do, in the audit log as {@code ADMIN_ACTION} (route id {@code security}): logins,
 * failed logins, lockouts, logouts and every mutating request. Only names, roles, addresses,
 * methods, paths and statuses are written: never a password, token or {@code Authorization}
 * header, which is why nothing here takes a request or a credential.
 */
public final class SecurityAudit {

    static final String ROUTE = "security";
    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    private final AuditTrail audit;

    public SecurityAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void loginSucceeded(Authentication who, String address, String method) {
        String roles = roles(who);
        log.info("login of '{}' ({}) from {} by {}", clean(who.getName()), roles, address, method);
        record(who.getName(), address, AuditOutcome.OK, "login succeeded (" + method + "), roles " + roles);
    }

    void loginFailed(String username, ClientDetails client, String reason) {
        log.warn("failed login for '{}' from {} by {}: {}", clean(username), client.address(), client.method(), reason);
        record(username, client.address(), AuditOutcome.REFUSED, "login failed (" + client.method() + "): " + reason);
    }

    void lockedOut(String username, ClientDetails client, Instant until) {
        log.warn("logins of '{}' or from {} refused until {} (too many failures)", clean(username), client.address(), until);
        record(username, client.address(), AuditOutcome.WARNING, "locked out until " + until
                + " after too many failed logins for this username or from this address");
    }

    void loginRefusedWhileLocked(String username, ClientDetails client, Instant until) {
        log.warn("login of '{}' from {} by {} refused: locked until {}", clean(username), client.address(),
                client.method(), until);
        record(username, client.address(), AuditOutcome.REFUSED, "login refused (" + client.method()
                + "): locked until " + until);
    }

    void oidcLoginRefused(String address, String reason) {
        log.warn("OIDC login from {} refused: {}", address, reason);
        record(null, address, AuditOutcome.REFUSED, "login failed (oidc): " + reason);
    }

    void loggedOut(Authentication who, String address) {
        record(who.getName(), address, AuditOutcome.OK, "logout");
    }

    /** One mutating request of a person, with its outcome. */
    void action(Authentication who, String address, String method, String path, int status) {
        AuditOutcome outcome = status >= 500 ? AuditOutcome.ERROR : status >= 400 ? AuditOutcome.REFUSED : AuditOutcome.OK;
        record(who.getName(), address, outcome, method + " " + path + " -> " + status + " (roles " + roles(who) + ")");
    }

    private void record(String actor, String address, AuditOutcome outcome, String detail) {
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).outcome(outcome).actor(actor == null ? null : clean(actor))
                .origin(address).routeId(ROUTE).detail(detail).build());
    }

    static String roles(Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(Collectors.joining(","));
    }

    /** A typed username is untrusted: one short line, so it cannot forge log lines. */
    static String clean(String name) {
        if (name == null) {
            return "";
        }
        String line = name.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > 128 ? line.substring(0, 128) + "…" : line;
    }
}
