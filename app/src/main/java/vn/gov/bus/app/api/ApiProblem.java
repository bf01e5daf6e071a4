package vn.gov.bus.app.api;

import org.springframework.http.HttpStatus;

/**
 * A refused API call, the one error shape of every REST API of the bus
 * ({@code code, field, rule, message, messageVi}): which field broke which rule, in English for the
 * caller's tools and in Vietnamese for the person reading it. {@link ApiProblems} writes it.
 */
public class ApiProblem extends RuntimeException {

    /** The JSON body of an error answer; {@code field} and {@code rule} are null when no field is at fault. */
    public record Body(String code, String field, String rule, String message, String messageVi) {
    }

    private final HttpStatus status;
    private final Body body;

    public ApiProblem(HttpStatus status, String code, String field, String rule, String message, String messageVi) {
        super(message);
        this.status = status;
        this.body = new Body(code, field, rule, message, messageVi);
    }

    public static ApiProblem invalid(String field, String rule, String message, String messageVi) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID", field, rule, message, messageVi);
    }

    public static ApiProblem notFound(String field, String message, String messageVi) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", field, "exists", message, messageVi);
    }

    public static ApiProblem conflict(String field, String rule, String message, String messageVi) {
        return new ApiProblem(HttpStatus.CONFLICT, "CONFLICT", field, rule, message, messageVi);
    }

    public HttpStatus status() {
        return status;
    }

    public Body body() {
        return body;
    }
}
