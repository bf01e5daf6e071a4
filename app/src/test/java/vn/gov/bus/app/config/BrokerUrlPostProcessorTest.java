package vn.gov.bus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

class BrokerUrlPostProcessorTest {

    @Test
    void externalBrokerUrlSwitchesTheEmbeddedBrokerOff() {
        MockEnvironment env = new MockEnvironment();
        env.getPropertySources().addLast(new MapPropertySource("app", Map.of(
                "bus.broker.url", "tcp://broker-a:61616", "spring.artemis.mode", "embedded")));
        new BrokerUrlPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(env.getProperty("spring.artemis.broker-url")).isEqualTo("tcp://broker-a:61616");
        assertThat(env.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void withoutABrokerUrlTheEmbeddedBrokerStays() {
        MockEnvironment env = new MockEnvironment();
        env.getPropertySources().addLast(new MapPropertySource("app", Map.of(
                "bus.broker.url", "", "spring.artemis.mode", "embedded")));
        new BrokerUrlPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("embedded");
    }
}
