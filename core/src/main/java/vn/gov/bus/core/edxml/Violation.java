package vn.gov.bus.core.edxml;

/**
 * One broken rule of a package: where ({@code MessageHeader/To[2]/OrganId}), which rule
 * ({@code duplicate}) and an English message for people.
 */
public record Violation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + " [" + rule + "]: " + message;
    }
}
