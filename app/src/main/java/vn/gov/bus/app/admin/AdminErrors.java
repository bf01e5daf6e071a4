package vn.gov.bus.app.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.gov.bus.app.api.ApiProblem;
import vn.gov.bus.app.api.OperatorIdentity;

/** The administration controllers' answers to framework and broker errors (this package only), in the shape of {@link ApiProblem}. */
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    private static ResponseEntity<ApiProblem.Body> problem(ApiProblem e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler(BrokerAdmin.BrokerAdminException.class)
    ResponseEntity<ApiProblem.Body> broker(BrokerAdmin.BrokerAdminException e) {
        return problem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "queue", "broker-answers",
                e.getMessage(), "máy chủ hàng đợi không trả lời hoặc từ chối thao tác"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem.Body> unreadable(HttpMessageNotReadableException e) {
        return problem(ApiProblem.invalid("body", "json",
                "the request body is not valid JSON of the documented shape",
                "nội dung yêu cầu không phải JSON đúng cấu trúc đã mô tả"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiProblem.Body> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(ApiProblem.invalid(e.getName(), "type", "parameter " + e.getName() + " has the wrong type",
                "tham số " + e.getName() + " sai kiểu dữ liệu"));
    }

    @ExceptionHandler(OperatorIdentity.MissingOperatorException.class)
    ResponseEntity<ApiProblem.Body> anonymous(OperatorIdentity.MissingOperatorException e) {
        return problem(new ApiProblem(HttpStatus.UNAUTHORIZED, "NO_OPERATOR", "operator", "known",
                e.getMessage(), "không xác định được người thao tác"));
    }
}
