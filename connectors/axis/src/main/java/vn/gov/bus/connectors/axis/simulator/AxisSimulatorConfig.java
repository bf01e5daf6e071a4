package vn.gov.bus.connectors.axis.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.gov.bus.connectors.axis.AxisRequestSigner;

/** How an {@link AxisSimulator} listens, whom it knows, and how large its directory is. */
public final class AxisSimulatorConfig {

    private final String host;
    private final int port;
    private final Map<String, String> systems;
    private final Map<String, String> organRoutes;
    private final Duration allowedSkew;
    private final int directorySize;
    private final long directorySeed;
    private final long maxPackageBytes;
    private final int maxDepth;
    private final int threads;
    private final Clock clock;

    private AxisSimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.systems = Map.copyOf(b.systems);
        this.organRoutes = Map.copyOf(b.organRoutes);
        this.allowedSkew = b.allowedSkew;
        this.directorySize = b.directorySize;
        this.directorySeed = b.directorySeed;
        this.maxPackageBytes = b.maxPackageBytes;
        this.maxDepth = b.maxDepth;
        this.threads = b.threads;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** systemId → shared secret of every system allowed to call. */
    public Map<String, String> systems() {
        return systems;
    }

    /** organId → systemId: packages addressed to the organ land in that system's inbox. */
    public Map<String, String> organRoutes() {
        return organRoutes;
    }

    public Duration allowedSkew() {
        return allowedSkew;
    }

    public int directorySize() {
        return directorySize;
    }

    public long directorySeed() {
        return directorySeed;
    }

    public long maxPackageBytes() {
        return maxPackageBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int threads() {
        return threads;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "AxisSimulatorConfig[host=" + host + ", port=" + port + ", systems=" + systems.keySet()
                + ", organRoutes=" + organRoutes + ", allowedSkew=" + allowedSkew + ", directorySize="
                + directorySize + ", directorySeed=" + directorySeed + ", maxPackageBytes=" + maxPackageBytes + "]";
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private final Map<String, String> systems = new LinkedHashMap<>();
        private final Map<String, String> organRoutes = new LinkedHashMap<>();
        private Duration allowedSkew = AxisRequestSigner.DEFAULT_ALLOWED_SKEW;
        private int directorySize = 1_000;
        private long directorySeed = 1L;
        // A package carries its attachments base64-inline; a known gateway caps one file at 50 MB.
        private long maxPackageBytes = 80L * 1024 * 1024;
        private int maxDepth = 64;
        private int threads = 8;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 picks a free ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder system(String systemId, String secret) {
            if (systemId == null || systemId.isBlank() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("a system needs a non-blank id and a non-empty secret");
            }
            systems.put(systemId, secret);
            return this;
        }

        public Builder route(String organId, String systemId) {
            organRoutes.put(Objects.requireNonNull(organId, "organId"), Objects.requireNonNull(systemId, "systemId"));
            return this;
        }

        public Builder allowedSkew(Duration allowedSkew) {
            this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
            return this;
        }

        public Builder directorySize(int directorySize) {
            if (directorySize < 0) {
                throw new IllegalArgumentException("directorySize must not be negative, was " + directorySize);
            }
            this.directorySize = directorySize;
            return this;
        }

        public Builder directorySeed(long directorySeed) {
            this.directorySeed = directorySeed;
            return this;
        }

        public Builder maxPackageBytes(long maxPackageBytes) {
            if (maxPackageBytes <= 0 || maxPackageBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxPackageBytes must be 1.." + (Integer.MAX_VALUE - 8));
            }
            this.maxPackageBytes = maxPackageBytes;
            return this;
        }

        public Builder maxDepth(int maxDepth) {
            if (maxDepth < 4) {
                throw new IllegalArgumentException("maxDepth below 4 cannot hold an edXML header");
            }
            this.maxDepth = maxDepth;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public AxisSimulatorConfig build() {
            return new AxisSimulatorConfig(this);
        }
    }
}
