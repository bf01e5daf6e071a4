package vn.gov.bus.app.statistics;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bus.statistics.*}: the time zone whose days, months, quarters and years the rows count
 * (edXML dates are days in Việt Nam), and the longest period one call may ask for.
 */
@ConfigurationProperties("bus.statistics")
public record StatisticsProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
                                   @DefaultValue("3660") int maxDays) {
}
