package vn.gov.bus.app.config;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import vn.gov.bus.core.state.AgencyDirectory;

/** Loads the agency seed into the directory at start-up (seeded entries are upserted). */
@Configuration(proxyBeanMethods = false)
public class DirectorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    @Bean
    SeededDirectory seededDirectory(BusProperties bus, ResourceLoader resources, AgencyDirectory directory)
            throws IOException {
        List<DirectorySeed.Entry> entries = DirectorySeed.read(resources.getResource(bus.directory().seed()));
        int keptEdits = 0;
        for (DirectorySeed.Entry entry : entries) {
            // an entry an administrator edited through the admin API (source ADMIN) is theirs now:
            // the seed must not undo the edit at every start
            if (directory.find(entry.agency().organId()).map(a -> "ADMIN".equals(a.source())).orElse(false)) {
                keptEdits++;
                continue;
            }
            directory.upsert(entry.agency(), entry.tokenSha256());
        }
        if (keptEdits > 0) {
            log.info("Agency directory: {} seeded entries edited through the admin API keep their edits", keptEdits);
        }
        long plain = entries.stream().filter(e -> e.plainToken() != null).count();
        if (plain > 0) {
            log.warn("{} agencies in {} carry plain demo tokens: use token-sha256 in production",
                    plain, bus.directory().seed());
        }
        log.info("Agency directory: {} seeded entries, {} in total", entries.size(), directory.count());
        return new SeededDirectory(entries);
    }

    /** What the seed contained (the demo simulators use the plain tokens of local agencies). */
    public record SeededDirectory(List<DirectorySeed.Entry> entries) {
    }
}
