package vn.gov.bus.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import vn.gov.bus.app.api.ApiProblem;

/**
 * 401, 403 and 429 as JSON in English and Vietnamese ({@link ApiProblem}'s shape). The 401 deliberately carries no
 * {@code WWW-Authenticate: Basic} challenge: a browser that saw one would offer its own login box
 * and then send the cached credentials with every later request, cross-site ones included — and
 * HTTP Basic is exempt from CSRF tokens only because a browser never holds Basic credentials for
 * the bus (docs/security.md).
 */
final class JsonSecurityErrors {

    private final ObjectMapper json;
    private final Clock clock;

    JsonSecurityErrors(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                write(response, 429, "LOGIN_THROTTLED",
                        "Too many failed logins: try again in " + minutes(seconds) + " minute(s)",
                        "Đăng nhập sai quá nhiều lần: hãy thử lại sau " + minutes(seconds) + " phút");
            } else {
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                        "Authentication required: log in, or send HTTP Basic credentials",
                        "Cần đăng nhập (hoặc gửi thông tin xác thực HTTP Basic)");
            }
        };
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN",
                        "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header",
                        "Thiếu hoặc sai mã chống giả mạo (CSRF): tải lại trang rồi thử lại");
            } else {
                write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                        "Your role does not allow this", "Vai trò của bạn không được phép thực hiện thao tác này");
            }
        };
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }

    void write(HttpServletResponse response, int status, String code, String en, String vi) throws IOException {
        // the shape of every API's errors; no field is at fault in these
        ApiProblem.Body body = new ApiProblem.Body(code, null, null, en, vi);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
