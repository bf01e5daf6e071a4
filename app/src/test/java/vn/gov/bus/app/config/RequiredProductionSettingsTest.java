package vn.gov.bus.app.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RequiredProductionSettingsTest {

    @Test
    void productionRefusesToStartWithAnUnresolvedSecretAndNamesIt() {
        Map<String, Object> settings = complete();
        settings.put("bus.axis.secret", "${BUS_AXIS_SECRET_UNSET_IN_THIS_TEST}");
        settings.remove("bus.broker.url");
        assertThatThrownBy(() -> new RequiredProductionSettings().postProcessEnvironment(production(settings), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bus.axis.secret").hasMessageContaining("BUS_AXIS_SECRET_UNSET_IN_THIS_TEST")
                .hasMessageContaining("bus.broker.url").hasMessageNotContaining("spring.datasource.url");
    }

    @Test
    void productionStartsWhenEverySettingIsGivenAndOtherProfilesAreNotChecked() {
        assertThatCode(() -> new RequiredProductionSettings().postProcessEnvironment(production(complete()), null))
                .doesNotThrowAnyException();
        StandardEnvironment embedded = new StandardEnvironment();
        assertThatCode(() -> new RequiredProductionSettings().postProcessEnvironment(embedded, null))
                .doesNotThrowAnyException();
    }

    private static Map<String, Object> complete() {
        Map<String, Object> settings = new HashMap<>();
        RequiredProductionSettings.REQUIRED.forEach(key -> settings.put(key, "given"));
        return settings;
    }

    private static StandardEnvironment production(Map<String, Object> settings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings));
        env.setActiveProfiles("production");
        return env;
    }
}
