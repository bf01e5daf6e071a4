package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import vn.gov.bus.core.state.Channel;

/** The rules of route settings; each refusal names the field and the rule. */
final class RouteSettingsValidator {

    private static final Pattern CREDENTIALS_REF = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    static final Duration MIN_POLL = Duration.ofMillis(200);
    static final Duration MAX_POLL = Duration.ofDays(1);
    static final int MAX_REDELIVERIES = 100;
    static final Duration MIN_DELAY = Duration.ofMillis(10);
    static final Duration MAX_DELAY = Duration.ofDays(1);
    static final double MAX_MULTIPLIER = 10.0;

    private RouteSettingsValidator() {
    }

    static Duration duration(String field, String text, Duration min, Duration max) {
        Duration value;
        try {
            value = DurationStyle.detectAndParse(text.strip());
        } catch (RuntimeException e) {
            throw ApiProblem.invalid(field, "duration",
                    field + " must be a duration such as 30s, 500ms or PT30S, got '" + text + "'",
                    field + " phải là một khoảng thời gian như 30s, 500ms hoặc PT30S");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ApiProblem.invalid(field, "range", field + " must be between " + min + " and " + max
                    + ", got " + value, field + " phải nằm trong khoảng " + min + " đến " + max);
        }
        return value;
    }

    static RetryPolicy retry(RouteSettingsRequest.Retry r, RetryPolicy current) {
        int maxRedeliveries = current.maxRedeliveries();
        if (r.maxRedeliveries() != null) {
            maxRedeliveries = r.maxRedeliveries();
            if (maxRedeliveries < 0 || maxRedeliveries > MAX_REDELIVERIES) {
                throw ApiProblem.invalid("retry.maxRedeliveries", "range",
                        "retry.maxRedeliveries must be between 0 and " + MAX_REDELIVERIES + ", got " + maxRedeliveries,
                        "retry.maxRedeliveries phải từ 0 đến " + MAX_REDELIVERIES);
            }
        }
        Duration delay = r.redeliveryDelay() == null ? current.redeliveryDelay()
                : duration("retry.redeliveryDelay", r.redeliveryDelay(), MIN_DELAY, MAX_DELAY);
        double multiplier = current.backOffMultiplier();
        if (r.backOffMultiplier() != null) {
            multiplier = r.backOffMultiplier();
            if (!(multiplier >= 1.0 && multiplier <= MAX_MULTIPLIER)) {
                throw ApiProblem.invalid("retry.backOffMultiplier", "range",
                        "retry.backOffMultiplier must be between 1.0 and " + MAX_MULTIPLIER + ", got " + multiplier,
                        "retry.backOffMultiplier phải từ 1.0 đến " + MAX_MULTIPLIER);
            }
        }
        Duration maxDelay = r.maxRedeliveryDelay() == null ? current.maxRedeliveryDelay()
                : duration("retry.maxRedeliveryDelay", r.maxRedeliveryDelay(), MIN_DELAY, MAX_DELAY);
        if (maxDelay.compareTo(delay) < 0) {
            throw ApiProblem.invalid("retry.maxRedeliveryDelay", "not-below-redeliveryDelay",
                    "retry.maxRedeliveryDelay (" + maxDelay + ") must not be shorter than retry.redeliveryDelay ("
                            + delay + ")",
                    "retry.maxRedeliveryDelay không được nhỏ hơn retry.redeliveryDelay");
        }
        return new RetryPolicy(maxRedeliveries, delay, multiplier, maxDelay);
    }

    static Set<Channel> channels(List<String> names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : names) {
            try {
                channels.add(Channel.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("enabledChannels", "one-of LOCAL, AXIS, MAIL",
                        "enabledChannels may hold only LOCAL, AXIS, MAIL, got '" + name + "'",
                        "enabledChannels chỉ gồm LOCAL, AXIS, MAIL");
            }
        }
        return channels;
    }

    /**
     * The secret a credentials reference names, looked up in the deployment's environment (an
     * environment variable, a file of the secrets directory, a property); the reference is stored,
     * the secret never is.
     */
    static String secretOf(String reference, Environment environment) {
        if (!CREDENTIALS_REF.matcher(reference).matches()) {
            throw ApiProblem.invalid("credentialsRef", "name",
                    "credentialsRef must be the name of a secret (letters, digits, '.', '_', '-'; at most 128), "
                            + "not the secret itself",
                    "credentialsRef phải là tên của một bí mật (chữ, số, '.', '_', '-'), không phải bản thân bí mật");
        }
        String secret = environment.getProperty(reference);
        if (secret == null || secret.isBlank()) {
            throw ApiProblem.invalid("credentialsRef", "resolves",
                    "no secret named '" + reference + "' is configured on this node (environment variable, "
                            + "secrets directory or property)",
                    "không có bí mật nào tên '" + reference + "' trên nút này");
        }
        return secret.strip();
    }

    static ApiProblem notApplicable(String field, String routeId) {
        return ApiProblem.invalid(field, "not-applicable", "route " + routeId + " has no setting " + field,
                "tuyến " + routeId + " không có thiết lập " + field);
    }
}
