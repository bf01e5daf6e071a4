package vn.gov.bus.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The integration bus: one jar, embedded defaults, production by configuration only. Spring
 * Integration is on the class path only for its leader election (LeadershipConfiguration): its
 * auto-configuration would add message channels, a task scheduler and, on H2, its own tables.
 */
@SpringBootApplication(scanBasePackages = "vn.gov.bus", exclude = IntegrationAutoConfiguration.class)
@ConfigurationPropertiesScan("vn.gov.bus.app.config")
public class BusApplication {

    public static void main(String[] args) {
        SpringApplication.run(BusApplication.class, args);
    }
}
