package vn.gov.bus.app.config;

import java.io.IOException;
import org.springframework.context.ApplicationContext;
import vn.gov.bus.core.state.AgencyDirectory;

/** Runs the agency seed again in a running bus, as a restart would (for tests outside this package). */
public final class SeedAgain {

    private SeedAgain() {
    }

    public static void run(ApplicationContext context) throws IOException {
        new DirectorySeeder().seededDirectory(context.getBean(BusProperties.class), context,
                context.getBean(AgencyDirectory.class));
    }
}
