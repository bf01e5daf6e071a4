package vn.gov.bus.app.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The statistics as an Excel workbook: one sheet, a bold header row, counts as numbers. */
public final class StatisticsXlsx {

    static final String SHEET = "Thống kê";

    private StatisticsXlsx() {
    }

    public static byte[] write(StatisticsReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(SHEET);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < StatisticsColumns.ALL.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(StatisticsColumns.ALL.get(i).header());
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (StatisticsRow row : report.rows()) {
                Row line = sheet.createRow(r++);
                for (int i = 0; i < StatisticsColumns.ALL.size(); i++) {
                    Object v = StatisticsColumns.ALL.get(i).value().apply(row);
                    Cell cell = line.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        // a string cell is never evaluated as a formula, whatever it starts with
                        cell.setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < StatisticsColumns.ALL.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 60 * 256 : 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
