package vn.gov.bus.connectors.axis.simulator;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * Runs the simulator standalone until the process is stopped.
 *
 * <pre>
 * java -cp ... vn.gov.bus.connectors.axis.simulator.AxisSimulatorMain \
 *      --host=0.0.0.0 --port=8099 --system=00.53.W00:secret --route=000.00.01.H53:00.53.W00 \
 *      --directory-size=110000 --seed=1
 * </pre>
 * Each option can also come from the environment: {@code AXIS_SIM_HOST}, {@code AXIS_SIM_PORT},
 * {@code AXIS_SIM_SYSTEMS} ({@code id:secret,id:secret}), {@code AXIS_SIM_ROUTES}
 * ({@code organ:system,…}), {@code AXIS_SIM_DIRECTORY_SIZE}, {@code AXIS_SIM_SEED}. Prefer the
 * environment for secrets: command lines are visible to every user of the machine.
 */
public final class AxisSimulatorMain {

    private AxisSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AxisSimulatorConfig config = parse(args, System.getenv());
        AxisSimulator simulator = new AxisSimulator(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "axis-sim-shutdown"));
        System.out.println("axis simulator listening at " + simulator.endpoint()
                + " (systems " + config.systems().keySet() + ", " + config.directorySize() + " agencies)");
        stopped.await();
    }

    /** Command-line options win over environment variables; demo defaults otherwise. */
    static AxisSimulatorConfig parse(String[] args, Map<String, String> env) {
        AxisSimulatorConfig.Builder b = AxisSimulatorConfig.builder()
                .port(8099)
                .directorySize(AgencyDirectoryGenerator.DEMO_SIZE);
        if (env.containsKey("AXIS_SIM_HOST")) {
            b.host(env.get("AXIS_SIM_HOST"));
        }
        if (env.containsKey("AXIS_SIM_PORT")) {
            b.port(integer("AXIS_SIM_PORT", env.get("AXIS_SIM_PORT")));
        }
        if (env.containsKey("AXIS_SIM_DIRECTORY_SIZE")) {
            b.directorySize(integer("AXIS_SIM_DIRECTORY_SIZE", env.get("AXIS_SIM_DIRECTORY_SIZE")));
        }
        if (env.containsKey("AXIS_SIM_SEED")) {
            b.directorySeed(Long.parseLong(env.get("AXIS_SIM_SEED").trim()));
        }
        pairs("AXIS_SIM_SYSTEMS", env.get("AXIS_SIM_SYSTEMS"), b::system);
        pairs("AXIS_SIM_ROUTES", env.get("AXIS_SIM_ROUTES"), b::route);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "host" -> b.host(value);
                case "port" -> b.port(integer(arg, value));
                case "directory-size" -> b.directorySize(integer(arg, value));
                case "seed" -> b.directorySeed(Long.parseLong(value.trim()));
                case "system" -> pairs(arg, value, b::system);
                case "route" -> pairs(arg, value, b::route);
                default -> throw new IllegalArgumentException("unknown option --" + name
                        + " (known: host, port, directory-size, seed, system, route)");
            }
        }
        return b.build();
    }

    private static void pairs(String source, String value, BiConsumer<String, String> sink) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String pair : value.split(",")) {
            // Split at the first colon: ids and organ codes have none, a secret might.
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(source + ": expected key:value, got '" + pair + "'");
            }
            sink.accept(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
    }

    private static int integer(String source, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + value + "' is not a number", e);
        }
    }
}
