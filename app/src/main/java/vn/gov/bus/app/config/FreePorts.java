package vn.gov.bus.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A free port for a server that must be named before it starts (the feed simulators' ports are in
 * the feed URIs; tests name the simulators' ports in the bus's settings).
 *
 * <p>Not the kernel's {@code bind(0)}: a port it hands out and that is then closed again is free
 * for the next {@code bind(0)} or outgoing connection — Tomcat's random port, a simulator on port
 * 0, any client socket — in the seconds before the named server binds it, and the server then
 * fails with "Address already in use". The ports given here are below the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}), which it never hands out on its own, are checked free
 * when given, and are never given twice by one JVM.
 */
public final class FreePorts {

    /** Below this the demo's fixed defaults live (18143 … 18700); above the top, the ephemeral range. */
    static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FreePorts() {
    }

    public static int next() {
        int top = ephemeralStart();
        if (top - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = LOWEST + RANDOM.nextInt(top - LOWEST);
                if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                    return port;
                }
            }
        }
        // no room below the ephemeral range: the kernel's choice, with its small risk
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN.add(socket.getLocalPort()) || attempt >= 100) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int ephemeralStart() {
        // read line by line: procfs reports a size of 0, and Files.readString then reads a single byte
        try (java.io.BufferedReader in = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            String line = in.readLine();
            return Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default range starts here; other systems use higher ones
        }
    }

    private static boolean bindable(int port) {
        // the wildcard address, without SO_REUSEADDR: refused while anything holds the port
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
