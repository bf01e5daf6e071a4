package vn.gov.bus.app.simulators;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.config.BusProperties;
import vn.gov.bus.app.config.FeedsProperties;
import vn.gov.bus.connectors.feeds.simulator.FtpDropBox;
import vn.gov.bus.connectors.feeds.simulator.OneStopSimulator;
import vn.gov.bus.connectors.feeds.simulator.SftpDropBox;

/**
 * The feeds' partners for the embedded demo, started with the other simulators: the banks' and
 * the tax authority's SFTP drop box (MINA SSHD), a bank branch with only FTP (Apache FtpServer),
 * and the one-stop system (HTTP). Each is a real server on its own port. The SFTP host key is
 * written to the bus's known_hosts here — and only here: against a real partner, the operator
 * puts the partner's key there (docs/feeds.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bus.simulators.enabled", havingValue = "true")
public class FeedSimulators {

    private static final Logger log = LoggerFactory.getLogger(FeedSimulators.class);

    @Bean(destroyMethod = "stop")
    SftpDropBox sftpDropBox(BusProperties bus, FeedsProperties feeds,
                            @Value("${bus.feeds.sftp.known-hosts}") Path knownHosts) {
        FeedsProperties.Simulator sim = feeds.simulator();
        Path root = bus.dataDir().resolve("feeds-simulator/sftp");
        SftpDropBox box = new SftpDropBox(root, sim.host(), sim.sftpPort(), sim.user(), sim.password(),
                bus.dataDir().resolve("feeds-simulator/sftp-host-key.ser"));
        box.start();
        box.writeKnownHosts(knownHosts);
        log.info("SFTP drop box (banks, portal, tax authority) listening on {}:{}, serving {}; host key {} written to {}",
                sim.host(), box.port(), root, box.knownHostsLine().split(" ", 2)[1].substring(0, 40) + "…", knownHosts);
        return box;
    }

    @Bean(destroyMethod = "stop")
    FtpDropBox ftpDropBox(BusProperties bus, FeedsProperties feeds) {
        FeedsProperties.Simulator sim = feeds.simulator();
        Path root = bus.dataDir().resolve("feeds-simulator/ftp");
        FtpDropBox box = new FtpDropBox(root, sim.host(), sim.ftpPort(), sim.user(), sim.password());
        box.start();
        log.info("FTP drop box (a bank branch with only FTP) listening on {}:{}, serving {}", sim.host(), box.port(), root);
        return box;
    }

    @Bean(destroyMethod = "stop")
    OneStopSimulator oneStopSimulator(FeedsProperties feeds) {
        FeedsProperties.Simulator sim = feeds.simulator();
        OneStopSimulator oneStop = new OneStopSimulator(sim.host(), sim.oneStopPort());
        oneStop.start();
        log.info("One-stop system simulator listening on http://{}:{}", sim.host(), oneStop.port());
        return oneStop;
    }
}
