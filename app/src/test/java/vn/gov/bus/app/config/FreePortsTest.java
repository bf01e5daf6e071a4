package vn.gov.bus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void theEphemeralRangeIsReadFromTheKernel() throws Exception {
        java.nio.file.Path range = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(range), "a Linux kernel");
        String first = java.nio.file.Files.readAllLines(range).get(0).trim().split("\\s+")[0];
        assertThat(FreePorts.ephemeralStart()).isEqualTo(Integer.parseInt(first));
    }

    @Test
    void portsAreBelowTheKernelsEphemeralRangeNeverGivenTwiceAndBindable() throws Exception {
        int ephemeral = FreePorts.ephemeralStart();
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = FreePorts.next();
            assertThat(given.add(port)).as("port %d given twice", port).isTrue();
            if (ephemeral - FreePorts.LOWEST >= 1_000) {
                assertThat(port).isBetween(FreePorts.LOWEST, ephemeral - 1);
            }
        }
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void theKernelsPortZeroComesFromTheEphemeralRangeWhichOursAvoid() throws Exception {
        // what Tomcat's random port or a simulator on port 0 gets comes from the ephemeral range
        try (ServerSocket kernels = new ServerSocket(0)) {
            assertThat(kernels.getLocalPort()).isGreaterThanOrEqualTo(FreePorts.ephemeralStart());
        }
    }
}
