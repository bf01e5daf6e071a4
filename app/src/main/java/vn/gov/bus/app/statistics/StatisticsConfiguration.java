package vn.gov.bus.app.statistics;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatisticsProperties.class)
public class StatisticsConfiguration {

    @Bean
    DocumentStatistics documentStatistics(JdbcTemplate jdbc, Clock clock) {
        return new DocumentStatistics(jdbc, clock);
    }
}
