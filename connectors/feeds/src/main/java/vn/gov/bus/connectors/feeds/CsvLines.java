package vn.gov.bus.connectors.feeds;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file line by line (RFC 4180 quoting, comma separator, UTF-8 with or without a BOM,
 * CRLF or LF). Invalid UTF-8 and unterminated quotes are refused with the line number rather
 * than guessed at. A quoted field may not span lines: none of the feed layouts needs it.
 */
final class CsvLines implements Closeable {

    private final BufferedReader reader;
    private long line;

    CsvLines(InputStream in) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(in, strict), 1 << 16);
    }

    /** The line number of the row last returned (1-based). */
    long line() {
        return line;
    }

    /** The next non-empty row's fields, or null at the end. */
    String[] next() {
        String text;
        try {
            do {
                text = reader.readLine();
                if (text == null) {
                    return null;
                }
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            } while (text.isBlank());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FeedRejectedException("ENCODING", "Dòng %d: không phải UTF-8 hợp lệ / line %d: not valid UTF-8"
                    .formatted(line + 1, line + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return split(text);
    }

    private String[] split(String text) {
        List<String> fields = new ArrayList<>(12);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new FeedRejectedException("LAYOUT", "Dòng %d: dấu ngoặc kép không đóng / line %d: unterminated quote"
                    .formatted(line, line));
        }
        fields.add(cell.toString());
        return fields.toArray(String[]::new);
    }

    /** Checks that the header row is exactly the expected columns. */
    void requireHeader(String[] expected, String what) {
        String[] header = next();
        if (header == null) {
            throw new FeedRejectedException("LAYOUT", "Tệp rỗng, thiếu dòng tiêu đề / empty file, no header row (" + what + ")");
        }
        if (!java.util.Arrays.equals(trim(header), expected)) {
            throw new FeedRejectedException("LAYOUT", ("Dòng 1: tiêu đề phải là '%s', nhận được '%s' / line 1: the header must be"
                    + " '%s', found '%s'").formatted(String.join(",", expected), String.join(",", header),
                    String.join(",", expected), String.join(",", header)));
        }
    }

    private static String[] trim(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i].strip();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
