package vn.gov.bus.app.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile production leaves the settings below without a default ({@code ${BUS_AXIS_SECRET}}).
 * Spring's property binding keeps an unresolved placeholder as its literal text, so without this
 * check the bus would start with the axis secret "${BUS_AXIS_SECRET}"; it refuses to start
 * instead, naming every missing setting at once.
 */
public class RequiredProductionSettings implements EnvironmentPostProcessor {

    static final List<String> REQUIRED = List.of(
            "spring.datasource.url", "spring.datasource.password", "bus.broker.url",
            "bus.axis.endpoint", "bus.axis.secret", "bus.mail.message-id-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("production")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED) {
            try {
                String value = environment.getProperty(key);
                if (value == null || value.isBlank()) {
                    missing.add(key);
                }
            } catch (IllegalArgumentException unresolvedPlaceholder) {
                missing.add(key + " (" + unresolvedPlaceholder.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("profile production: these settings must be given (environment, "
                    + "command line or a file in the secrets directory, docs/production.md) / cần khai báo: "
                    + String.join(", ", missing));
        }
    }
}
