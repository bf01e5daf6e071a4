package vn.gov.bus.connectors.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import vn.gov.bus.reconciliation.Payment;

/**
 * The payment export, JSON layout (docs/feeds.md): {@code {"payments": [ {...}, ... ]}} with the
 * fields of the CSV layout in camelCase. Streamed with Jackson's parser, one payment at a time;
 * {@link Payment#id()} is the payment's ordinal (1-based), and errors name it and the JSON line.
 */
public final class PaymentJsonReader implements Iterator<Payment>, Closeable {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(10_000).build())
            .build();

    private final JsonParser parser;
    private final DossierCodes dossierCodes;
    private long ordinal;
    private Payment next;

    public PaymentJsonReader(InputStream in, DossierCodes dossierCodes) {
        this.dossierCodes = dossierCodes;
        try {
            this.parser = JSON.createParser(in);
            expect(parser.nextToken(), JsonToken.START_OBJECT, "{");
            expect(parser.nextToken(), JsonToken.FIELD_NAME, "\"payments\"");
            if (!"payments".equals(parser.currentName())) {
                throw reject("trường đầu tiên phải là \"payments\" / the first field must be \"payments\"");
            }
            expect(parser.nextToken(), JsonToken.START_ARRAY, "[");
            advance();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    private void advance() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            next = null;
            return;
        }
        expect(token, JsonToken.START_OBJECT, "{");
        ordinal++;
        long line = parser.currentLocation().getLineNr();
        Map<String, String> f = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw reject("giao dịch %d, trường '%s': phải là giá trị đơn / payment %d, field '%s': must be a plain value"
                        .formatted(ordinal, name, ordinal, name));
            }
            f.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
        }
        try {
            Payment p = PaymentFields.payment(line, f.get("dossierCode"), f.get("feeCode"), f.get("amount"), f.get("payer"),
                    f.get("channel"), f.get("reference"), f.get("paidAt"), f.get("beneficiaryAccount"), dossierCodes);
            next = new Payment(ordinal, p.dossierCode(), p.feeCode(), p.amount(), p.payer(), p.channel(), p.reference(),
                    p.paidAt(), p.account());
        } catch (FeedRejectedException e) {
            throw new FeedRejectedException(e.code(), "Giao dịch thứ %d (JSON) / payment #%d (JSON): %s"
                    .formatted(ordinal, ordinal, e.getMessage()));
        }
    }

    private void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw reject("cần %s, gặp %s / expected %s, found %s".formatted(what, actual, what, actual));
        }
    }

    private FeedRejectedException reject(String rule) {
        long line = parser.currentLocation().getLineNr();
        return new FeedRejectedException("LAYOUT", "JSON dòng %d: %s / JSON line %d: %s".formatted(line, rule, line, rule));
    }

    private RuntimeException wrap(IOException e) {
        if (e instanceof JsonParseException p) {
            return new FeedRejectedException("MALFORMED_JSON", "JSON không hợp lệ / malformed JSON: " + p.getOriginalMessage()
                    + " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")");
        }
        return new UncheckedIOException(e);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Payment next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Payment current = next;
        try {
            advance();
        } catch (IOException e) {
            throw wrap(e);
        }
        return current;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
