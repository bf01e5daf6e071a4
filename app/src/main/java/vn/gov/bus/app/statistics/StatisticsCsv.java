package vn.gov.bus.app.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics as CSV: UTF-8 with a BOM (without it Excel reads the Vietnamese as ANSI), comma
 * separated, RFC 4180 quoting, CRLF. A cell that Excel would take for a formula (agency names come
 * from the national directory, which the bus does not control) is prefixed with an apostrophe.
 */
public final class StatisticsCsv {

    private StatisticsCsv() {
    }

    public static byte[] write(StatisticsReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        StatisticsColumns.ALL.forEach(c -> header.add(c.header()));
        line(out, header);
        for (StatisticsRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            StatisticsColumns.ALL.forEach(c -> {
                Object v = c.value().apply(row);
                cells.add(v == null ? "" : v.toString());
            });
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
