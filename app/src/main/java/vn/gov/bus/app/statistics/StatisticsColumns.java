package vn.gov.bus.app.statistics;

import java.util.List;
import java.util.function.Function;

/** The columns of the CSV and XLSX exports: Vietnamese headers, as the provinces' reports name them. */
final class StatisticsColumns {

    record Column(String header, Function<StatisticsRow, Object> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("Mã định danh", StatisticsRow::agency),
            new Column("Tên cơ quan", StatisticsRow::agencyName),
            new Column("Kỳ", StatisticsRow::period),
            new Column("Từ ngày", r -> r.periodStart().toString()),
            new Column("Đến ngày", r -> r.periodEnd().toString()),
            new Column("Văn bản đã gửi", StatisticsRow::sent),
            new Column("Văn bản đã nhận", StatisticsRow::received),
            new Column("Chưa xử lý", StatisticsRow::pending),
            new Column("Từ chối", StatisticsRow::rejected),
            new Column("Đã xử lý", StatisticsRow::handled),
            new Column("Xử lý đúng hạn", StatisticsRow::handledOnTime),
            new Column("Đã thu hồi", StatisticsRow::withdrawn));

    private StatisticsColumns() {
    }
}
