package vn.gov.bus.app.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Writes every {@link ApiProblem} a controller throws as its status and body. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiProblem.Body> problem(ApiProblem e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }
}
