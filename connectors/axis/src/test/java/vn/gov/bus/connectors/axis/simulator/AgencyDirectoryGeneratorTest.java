package vn.gov.bus.connectors.axis.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.axis.AxisAgency;

class AgencyDirectoryGeneratorTest {

    private static final Pattern CODE_SHAPE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[GHA]\\d{2}");

    @Test
    void sameSeedGivesSameDirectory() {
        assertThat(new AgencyDirectoryGenerator(7).generate(3_000))
                .isEqualTo(new AgencyDirectoryGenerator(7).generate(3_000));
    }

    @Test
    void differentSeedsGiveDifferentDirectories() {
        assertThat(new AgencyDirectoryGenerator(7).generate(3_000))
                .isNotEqualTo(new AgencyDirectoryGenerator(8).generate(3_000));
    }

    @Test
    void smallerDirectoryIsPrefixOfLargerOne() {
        List<AxisAgency> large = new AgencyDirectoryGenerator(3).generate(20_000);

        assertThat(new AgencyDirectoryGenerator(3).generate(5_000)).isEqualTo(large.subList(0, 5_000));
    }

    @Test
    void demoSizeDirectoryHasUniqueWellShapedCodesAndValidParents() {
        List<AxisAgency> agencies = new AgencyDirectoryGenerator(1).generate(AgencyDirectoryGenerator.DEMO_SIZE);

        assertThat(agencies).hasSize(110_000);
        Set<String> codes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (AxisAgency agency : agencies) {
            assertThat(agency.code()).matches(CODE_SHAPE);
            assertThat(codes.add(agency.code())).as("duplicate code %s", agency.code()).isTrue();
            assertThat(agency.pid().equals("0") || ids.contains(agency.pid()))
                    .as("parent of %s is listed before it", agency.code()).isTrue();
            ids.add(agency.id());
        }
        assertThat(agencies).extracting(AxisAgency::code)
                .contains("000.00.00.H01", "000.00.00.H63", "000.00.00.A01", "001.21.31.H53");
    }

    @Test
    void usesRealProvinceCodesAndVietnameseAgencyNames() {
        List<AxisAgency> agencies = new AgencyDirectoryGenerator(1).generate(20_000);

        assertThat(agencies).filteredOn(a -> a.code().equals("000.00.00.G22"))
                .singleElement().extracting(AxisAgency::name).isEqualTo("Văn phòng Chính phủ");
        assertThat(agencies).filteredOn(a -> a.code().equals("000.00.00.H53"))
                .singleElement().extracting(AxisAgency::name).isEqualTo("UBND tỉnh Tây Ninh");
        assertThat(agencies).filteredOn(a -> a.code().equals("000.00.05.H53"))
                .singleElement().extracting(AxisAgency::name).isEqualTo("Sở Tài chính tỉnh Tây Ninh");
        assertThat(agencies).filteredOn(a -> a.code().equals("000.00.31.H53"))
                .singleElement().satisfies(a -> assertThat(a.name()).startsWith("UBND thành phố "));
        assertThat(agencies).anySatisfy(a -> assertThat(a.name()).startsWith("UBND huyện "));
        assertThat(agencies).anySatisfy(a -> assertThat(a.name()).startsWith("UBND xã "));
        assertThat(agencies).filteredOn(a -> a.code().equals("000.00.00.H53"))
                .singleElement().extracting(AxisAgency::mail).asString().endsWith("@tayninh.gov.vn");
    }

    @Test
    void refusesMoreAgenciesThanItCanFill() {
        assertThatThrownBy(() -> new AgencyDirectoryGenerator(1).generate(10_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can fill");
    }
}
