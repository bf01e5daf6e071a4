package vn.gov.bus.connectors.axis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Default canonical form: field names sorted by their UTF-16 code units (so the result does not
 * depend on the caller's insertion order or the JVM's locale), compact JSON with no whitespace,
 * every value a JSON string, escaped as Jackson escapes by default (non-ASCII kept as UTF-8).
 */
public final class SortedJsonCanonicalizer implements AxisCanonicalizer {

    private final JsonFactory factory = new JsonFactory();

    @Override
    public List<String> orderedNames(Map<String, String> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        names.sort(null);
        return names;
    }

    @Override
    public String canonicalJson(Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            for (String name : orderedNames(fields)) {
                json.writeStringField(name, fields.get(name));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write canonical JSON", e);
        }
        return out.toString();
    }
}
