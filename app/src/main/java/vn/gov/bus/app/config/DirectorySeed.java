package vn.gov.bus.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.Tokens;

/**
 * The agency seed file (config/agencies.yaml): the province's local agencies with their hub
 * tokens, and the national agencies needed before the axis directory is synchronised.
 * A token is given either as token-sha256 (production) or as a plain demo token.
 */
public final class DirectorySeed {

    /** One seeded agency; plainToken is non-null only for development seeds. */
    public record Entry(Agency agency, String tokenSha256, String plainToken) {
    }

    private DirectorySeed() {
    }

    public static List<Entry> read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof Map<?, ?> map) || !(map.get("agencies") instanceof List<?> list)) {
                throw new IllegalArgumentException(resource + ": expected a top-level 'agencies' list");
            }
            List<Entry> entries = new ArrayList<>();
            for (Object item : list) {
                Map<?, ?> row = (Map<?, ?>) item;
                String organId = required(row, "organ-id", resource);
                String plain = text(row, "token");
                String hash = text(row, "token-sha256");
                if (hash == null && plain != null) {
                    hash = Tokens.sha256Hex(plain);
                }
                Agency agency = new Agency(organId, required(row, "name", resource),
                        Channel.valueOf(required(row, "channel", resource)), text(row, "mail"),
                        text(row, "signature-policy") == null ? "REJECT_UNSIGNED" : text(row, "signature-policy"),
                        text(row, "parent"), "SEED");
                entries.add(new Entry(agency, hash, plain));
            }
            return entries;
        }
    }

    private static String required(Map<?, ?> row, String key, Resource resource) {
        String value = text(row, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(resource + ": agency " + row + " has no '" + key + "'");
        }
        return value;
    }

    private static String text(Map<?, ?> row, String key) {
        Object v = row.get(key);
        return v == null ? null : v.toString();
    }
}
