package vn.gov.bus.app.security;

/** The roles of people (docs/security.md has the matrix of what each may do). */
public enum Role {
    ADMIN,
    OPERATOR,
    AUDITOR;

    /** Spring Security's authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
