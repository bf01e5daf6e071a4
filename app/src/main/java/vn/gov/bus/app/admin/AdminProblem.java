package vn.gov.bus.app.admin;

import org.springframework.http.HttpStatus;
import vn.gov.bus.app.api.ApiProblem;

/** A refused administration call (the shape of every API's errors, {@link ApiProblem}). */
public class AdminProblem extends ApiProblem {

    public AdminProblem(HttpStatus status, String code, String field, String rule, String message,
                        String messageVi) {
        super(status, code, field, rule, message, messageVi);
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
}
