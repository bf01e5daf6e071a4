package vn.gov.bus.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code bus.connector.health{connector}}: each health group's status as a number, 1 UP, 0.5
 * WARNING (certificates about to expire), 0 otherwise (DOWN, OUT_OF_SERVICE, UNKNOWN). A
 * result is reused for {@link #TTL}, so several scrapers do not multiply the probes of partners.
 */
public class ConnectorHealthMetrics implements MeterBinder {

    static final Duration TTL = Duration.ofSeconds(10);
    static final Status WARNING = new Status("WARNING");

    private final ObjectProvider<HealthEndpoint> health;
    private final ObjectProvider<HealthEndpointGroups> groups;
    private final Clock clock;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    private record Sample(double value, Instant at) {
    }

    public ConnectorHealthMetrics(ObjectProvider<HealthEndpoint> health, ObjectProvider<HealthEndpointGroups> groups,
                                  Clock clock) {
        this.health = health;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        HealthEndpointGroups all = groups.getIfAvailable();
        if (all == null) {
            return; // health endpoint disabled
        }
        for (String group : all.getNames()) {
            Gauge.builder("bus.connector.health", this, m -> m.value(group))
                    .tag("connector", group)
                    .description("1 UP, 0.5 WARNING, 0 DOWN/OUT_OF_SERVICE/UNKNOWN")
                    .register(registry);
        }
    }

    double value(String group) {
        Instant now = clock.instant();
        Sample s = samples.get(group);
        if (s == null || s.at().plus(TTL).isBefore(now)) {
            HealthComponent component = health.getObject().healthForPath(group);
            s = new Sample(component == null ? 0 : numeric(component.getStatus()), now);
            samples.put(group, s);
        }
        return s.value();
    }

    static double numeric(Status status) {
        if (Status.UP.equals(status)) {
            return 1;
        }
        return WARNING.equals(status) ? 0.5 : 0;
    }
}
