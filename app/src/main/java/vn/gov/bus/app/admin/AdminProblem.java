package vn.gov.bus.app.admin;

import org.springframework.http.HttpStatus;

/**
 * A refused administration call: which field broke which rule, in English for the operator's
 * tools and in Vietnamese for the person reading it. Same JSON shape as the other APIs' errors
 * ({@code code, field, rule, message, messageVi}).
 */
public class AdminProblem extends RuntimeException {

    /** The JSON body of an error answer. */
    public record Body(String code, String field, String rule, String message, String messageVi) {
    }

    private final HttpStatus status;
    private final Body body;

    public AdminProblem(HttpStatus status, String code, String field, String rule, String message,
                        String messageVi) {
        super(message);
        this.status = status;
        this.body = new Body(code, field, rule, message, messageVi);
    }

    public static AdminProblem invalid(String field, String rule, String message, String messageVi) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "INVALID", field, rule, message, messageVi);
    }

    public static AdminProblem notFound(String field, String message, String messageVi) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", field, "exists", message, messageVi);
    }

    public static AdminProblem conflict(String field, String rule, String message, String messageVi) {
        return new AdminProblem(HttpStatus.CONFLICT, "CONFLICT", field, rule, message, messageVi);
    }

    public HttpStatus status() {
        return status;
    }

    public Body body() {
        return body;
    }
}
