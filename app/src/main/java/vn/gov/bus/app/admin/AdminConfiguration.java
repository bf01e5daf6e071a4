package vn.gov.bus.app.admin;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.util.unit.DataSize;
import vn.gov.bus.app.cluster.SingleActiveRoutes;
import vn.gov.bus.app.config.BusProperties;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.routes.DeliveryAttempts;

/** The administration API's parts (bus.admin.*, docs/administration.md). */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

    /** The bus's queues in the order an operator reads them (ingress to delivery). */
    static List<String> busQueues(Environment env) {
        return Stream.of("outgoing", "deliver-local", "deliver-axis", "deliver-mail", "incoming")
                .map(name -> env.getRequiredProperty("bus.queues." + name)).toList();
    }

    /**
     * Admin calls open their own short-lived connection: a cached consumer of Spring's caching
     * factory would keep dead letters prefetched and hidden from the next browse.
     */
    static ConnectionFactory uncached(ConnectionFactory factory) {
        return factory instanceof SingleConnectionFactory single && single.getTargetConnectionFactory() != null
                ? single.getTargetConnectionFactory() : factory;
    }

    @Bean
    RouteStatistics routeStatistics() {
        return new RouteStatistics(Clock.systemUTC());
    }

    @Bean
    BrokerAdmin brokerAdmin(ConnectionFactory connectionFactory,
                            @Value("${bus.admin.broker-timeout:5s}") Duration timeout) {
        return new JmsManagementBrokerAdmin(uncached(connectionFactory), timeout);
    }

    @Bean
    DeadLetters deadLetters(ConnectionFactory connectionFactory,
                            @Value("${bus.admin.payload-preview-size:4KB}") DataSize preview,
                            @Value("${bus.admin.broker-timeout:5s}") Duration timeout) {
        return new DeadLetters(uncached(connectionFactory), (int) preview.toBytes(), timeout);
    }

    @Bean
    RouteSettingsStore routeSettingsStore(JdbcTemplate jdbc) {
        return new RouteSettingsStore(jdbc);
    }

    @Bean
    RouteTuner routeTuner(CamelContext camel, BrokerAdmin broker, DeliveryAttempts attempts, Environment env,
                          java.util.List<TunableConnector> connectors) {
        // the embedded broker's group buckets (BrokerConfiguration): written again with a new retry policy
        return new RouteTuner(camel, broker, attempts, new HashSet<>(busQueues(env)), 1024, connectors);
    }

    /** Announces route changes to the other nodes and applies theirs (bus.admin.changes-topic). */
    @Bean
    AdminChanges adminChanges(@Value("${bus.admin.changes-topic:bus.admin.changes}") String topic,
                              SingleActiveRoutes singleActive, org.apache.camel.ProducerTemplate producer) {
        return new AdminChanges(topic, singleActive.nodeId(), producer);
    }

    @Bean
    RouteAdministration routeAdministration(CamelContext camel, RouteTuner tuner, RouteSettingsStore store,
                                            RouteStatistics statistics, AuditTrail audit, BusProperties bus,
                                            SingleActiveRoutes singleActive, Environment env,
                                            AdminChanges changes) {
        BusProperties.Broker b = bus.broker();
        RetryPolicy configured = new RetryPolicy(b.maxDeliveryAttempts() - 1, b.redeliveryDelay(),
                b.redeliveryMultiplier(), b.maxRedeliveryDelay());
        RouteAdministration routes = new RouteAdministration(camel, tuner, store, statistics, audit, configured,
                singleActive, env, changes);
        changes.applyThrough(routes);
        singleActive.holdStoppedWhen(id -> routes.heldStoppedRoutes().contains(id));
        return routes;
    }

    @Bean
    RouteSettingsStartup routeSettingsStartup(RouteAdministration routes) {
        return new RouteSettingsStartup(routes);
    }

    @Bean
    AgencyAdministration agencyAdministration(JdbcTemplate jdbc, AxisClient axis, AuditTrail audit) {
        return new AgencyAdministration(jdbc, axis, audit);
    }

    @Bean
    QueueAdministration queueAdministration(Environment env, BrokerAdmin broker, DeadLetters deadLetters,
                                            AuditTrail audit,
                                            @Value("${bus.admin.retry-all-limit:10000}") long retryAllLimit) {
        return new QueueAdministration(busQueues(env), broker, deadLetters, audit, retryAllLimit);
    }
}
