package vn.gov.bus.app.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for operators: setting bus.broker.url (or BUS_BROKER_URL) turns the embedded broker
 * off and connects to that broker instead, without having to know Spring's Artemis properties.
 */
public class BrokerUrlPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("bus.broker.url");
        if (url != null && !url.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("bus-broker-url", Map.of(
                    "spring.artemis.mode", "native",
                    "spring.artemis.broker-url", url,
                    "spring.artemis.embedded.enabled", "false")));
        }
    }
}
