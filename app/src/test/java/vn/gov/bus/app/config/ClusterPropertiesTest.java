package vn.gov.bus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPropertiesTest {

    @Test
    void aHeartbeatNotShorterThanTheLockTtlIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> new ClusterProperties(true, "node-1", "bus", Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), List.of("axis-incoming-poll")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bus.cluster.heartbeat").hasMessageContaining("bus.cluster.lock-ttl");
    }

    @Test
    void theTakeoverBoundIsTheLockTtlPlusTwoHeartbeats() {
        ClusterProperties cluster = new ClusterProperties(true, "node-1", "bus", Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(30), List.of("axis-incoming-poll"));
        assertThat(cluster.takeoverBound()).isEqualTo(Duration.ofSeconds(14));
    }
}
