package vn.gov.bus.connectors.axis.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AxisSimulatorMainTest {

    @Test
    void readsSystemsAndRoutesFromEnvironmentAndLetsArgumentsOverridePort() {
        AxisSimulatorConfig config = AxisSimulatorMain.parse(
                new String[] {"--port=0", "--system=00.15.W00:b:with:colons", "--directory-size=10"},
                Map.of("AXIS_SIM_PORT", "9000", "AXIS_SIM_SYSTEMS", "00.53.W00:secret-a",
                        "AXIS_SIM_ROUTES", "000.00.00.H53:00.53.W00"));

        assertThat(config.port()).isZero();
        assertThat(config.systems()).containsEntry("00.53.W00", "secret-a")
                .containsEntry("00.15.W00", "b:with:colons");
        assertThat(config.organRoutes()).containsEntry("000.00.00.H53", "00.53.W00");
        assertThat(config.directorySize()).isEqualTo(10);
    }

    @Test
    void demoModeServesTheFullDirectoryByDefault() {
        AxisSimulatorConfig config = AxisSimulatorMain.parse(new String[0], Map.of());

        assertThat(config.directorySize()).isEqualTo(AgencyDirectoryGenerator.DEMO_SIZE);
        assertThat(config.port()).isEqualTo(8099);
    }

    @Test
    void rejectsUnknownOption() {
        assertThatThrownBy(() -> AxisSimulatorMain.parse(new String[] {"--colour=red"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--colour");
    }

    @Test
    void configToStringDoesNotRevealSecrets() {
        AxisSimulatorConfig config = AxisSimulatorConfig.builder().system("00.53.W00", "top-secret").build();

        assertThat(config.toString()).contains("00.53.W00").doesNotContain("top-secret");
    }
}
