package vn.gov.bus.app.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the embedded feed simulators (SFTP, FTP, one-stop) a free port ({@link FreePorts}) when theirs is 0, before
 * anything reads the feed URIs that name those ports: the demo and the tests then never collide
 * with another process on a fixed port.
 */
public class FeedSimulatorPorts implements EnvironmentPostProcessor {

    static final List<String> KEYS = List.of("bus.feeds.simulator.sftp-port", "bus.feeds.simulator.ftp-port",
            "bus.feeds.simulator.one-stop-port");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> chosen = new HashMap<>();
        for (String key : KEYS) {
            if ("0".equals(environment.getProperty(key, "0").strip())) {
                chosen.put(key, FreePorts.next());
            }
        }
        if (!chosen.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("bus-feed-simulator-ports", chosen));
        }
    }
}
