package vn.gov.bus.app.api;

import org.springframework.http.HttpStatus;

/**
 * A refused API call: which field broke which rule, in English for the operator's tools and in
 * Vietnamese for the person reading it.
 */
class ApiError extends RuntimeException {

    /** The JSON body of an error answer. */
    record Body(String code, String field, String rule, String message, String messageVi) {
    }

    private final HttpStatus status;
    private final Body body;

    ApiError(HttpStatus status, String code, String field, String rule, String message, String messageVi) {
        super(message);
        this.status = status;
        this.body = new Body(code, field, rule, message, messageVi);
    }

    HttpStatus status() {
        return status;
    }

    Body body() {
        return body;
    }
}
