package vn.gov.bus.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The integration bus: one jar, embedded defaults, production by configuration only. */
@SpringBootApplication(scanBasePackages = "vn.gov.bus")
@ConfigurationPropertiesScan("vn.gov.bus.app.config")
public class BusApplication {

    public static void main(String[] args) {
        SpringApplication.run(BusApplication.class, args);
    }
}
