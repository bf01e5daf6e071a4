package vn.gov.bus.connectors.registry.simulator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Word lists for the simulated registry: names, places and business lines that look like the
 * real ones (pre-2025 provinces, with the tax authorities' two-digit code prefixes), so that a
 * clerk's screen or a log line reads like production data.
 */
final class VietnameseNames {

    /** A province: tax code prefix, personal-id province code, name, districts with their wards. */
    record Province(String taxPrefix, String personalIdCode, String name, List<District> districts) {
    }

    record District(String name, List<String> wards) {
    }

    record Line(String code, String name, String sectorVi, String sectorEn) {
    }

    record LegalForm(String code, String name, String nameEnSuffix, String shortSuffix, String representativePosition,
                     String prefixVi) {
    }

    static final List<Province> PROVINCES = List.of(
            new Province("01", "001", "Thành phố Hà Nội", List.of(
                    new District("Quận Ba Đình", List.of("Phường Điện Biên", "Phường Kim Mã", "Phường Liễu Giai", "Phường Ngọc Hà")),
                    new District("Quận Cầu Giấy", List.of("Phường Dịch Vọng", "Phường Nghĩa Đô", "Phường Quan Hoa", "Phường Yên Hòa")),
                    new District("Quận Hoàn Kiếm", List.of("Phường Hàng Bạc", "Phường Hàng Trống", "Phường Tràng Tiền")),
                    new District("Huyện Đông Anh", List.of("Thị trấn Đông Anh", "Xã Uy Nỗ", "Xã Kim Chung")))),
            new Province("03", "079", "Thành phố Hồ Chí Minh", List.of(
                    new District("Quận 1", List.of("Phường Bến Nghé", "Phường Bến Thành", "Phường Đa Kao", "Phường Tân Định")),
                    new District("Quận 7", List.of("Phường Tân Phong", "Phường Tân Phú", "Phường Phú Mỹ")),
                    new District("Quận Bình Thạnh", List.of("Phường 1", "Phường 13", "Phường 25")),
                    new District("Thành phố Thủ Đức", List.of("Phường Thảo Điền", "Phường An Phú", "Phường Linh Trung")))),
            new Province("39", "072", "Tỉnh Tây Ninh", List.of(
                    new District("Thành phố Tây Ninh", List.of("Phường 1", "Phường 2", "Phường 3", "Phường Ninh Sơn")),
                    new District("Thị xã Hòa Thành", List.of("Phường Long Hoa", "Phường Hiệp Tân", "Phường Long Thành Bắc")),
                    new District("Thị xã Trảng Bàng", List.of("Phường Gia Lộc", "Phường An Tịnh", "Xã Phước Chỉ")),
                    new District("Huyện Gò Dầu", List.of("Thị trấn Gò Dầu", "Xã Thanh Phước", "Xã Phước Đông")))),
            new Province("02", "031", "Thành phố Hải Phòng", List.of(
                    new District("Quận Hồng Bàng", List.of("Phường Hoàng Văn Thụ", "Phường Minh Khai", "Phường Quán Toan")),
                    new District("Quận Ngô Quyền", List.of("Phường Máy Chai", "Phường Lạch Tray", "Phường Đằng Giang")))),
            new Province("04", "048", "Thành phố Đà Nẵng", List.of(
                    new District("Quận Hải Châu", List.of("Phường Thạch Thang", "Phường Hòa Cường Bắc", "Phường Bình Hiên")),
                    new District("Quận Sơn Trà", List.of("Phường An Hải Bắc", "Phường Mân Thái", "Phường Phước Mỹ")))),
            new Province("37", "074", "Tỉnh Bình Dương", List.of(
                    new District("Thành phố Thủ Dầu Một", List.of("Phường Phú Cường", "Phường Hiệp Thành", "Phường Chánh Nghĩa")),
                    new District("Thành phố Dĩ An", List.of("Phường Dĩ An", "Phường Tân Bình", "Phường Đông Hòa")))),
            new Province("36", "075", "Tỉnh Đồng Nai", List.of(
                    new District("Thành phố Biên Hòa", List.of("Phường Tân Phong", "Phường Quyết Thắng", "Phường Long Bình")),
                    new District("Huyện Nhơn Trạch", List.of("Xã Hiệp Phước", "Xã Phước Thiền")))),
            new Province("11", "080", "Tỉnh Long An", List.of(
                    new District("Thành phố Tân An", List.of("Phường 1", "Phường 2", "Phường Khánh Hậu")),
                    new District("Huyện Đức Hòa", List.of("Thị trấn Hậu Nghĩa", "Xã Đức Hòa Hạ")))),
            new Province("18", "092", "Thành phố Cần Thơ", List.of(
                    new District("Quận Ninh Kiều", List.of("Phường Tân An", "Phường An Hòa", "Phường Xuân Khánh")),
                    new District("Quận Cái Răng", List.of("Phường Lê Bình", "Phường Hưng Phú")))),
            new Province("23", "027", "Tỉnh Bắc Ninh", List.of(
                    new District("Thành phố Bắc Ninh", List.of("Phường Suối Hoa", "Phường Võ Cường", "Phường Kinh Bắc")),
                    new District("Thành phố Từ Sơn", List.of("Phường Đông Ngàn", "Phường Đình Bảng")))));

    static final List<String> STREETS = List.of("Lê Lợi", "Nguyễn Huệ", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt",
            "Nguyễn Trãi", "Cách Mạng Tháng Tám", "Võ Văn Kiệt", "Điện Biên Phủ", "Phạm Văn Đồng", "Hoàng Văn Thụ",
            "Nguyễn Văn Linh", "Quang Trung", "Lê Duẩn", "30 Tháng 4", "Trường Chinh", "Bà Triệu", "Phan Chu Trinh");

    static final List<String> TRADE_WORDS = List.of("Thành Đạt", "Phú Quý", "Hoàng Long", "Minh Phát", "An Khang",
            "Tân Tiến", "Việt Hưng", "Sao Mai", "Hưng Thịnh", "Đại Dương", "Phương Nam", "Bình Minh", "Trường Sơn",
            "Hòa Phát", "Thiên Ân", "Kim Ngân", "Nam Việt", "Đông Á", "Thái Bình", "Hồng Hà", "Ánh Dương", "Lộc Phát",
            "Vạn Xuân", "Gia Huy", "Tín Nghĩa", "Hải Âu", "Phúc Lộc", "Toàn Cầu", "Bảo Tín", "Mê Kông");

    static final List<Line> LINES = List.of(
            new Line("4101", "Xây dựng nhà để ở", "Xây dựng", "Construction"),
            new Line("4102", "Xây dựng nhà không để ở", "Xây dựng", "Construction"),
            new Line("4290", "Xây dựng công trình kỹ thuật dân dụng khác", "Xây dựng", "Construction"),
            new Line("4659", "Bán buôn máy móc, thiết bị và phụ tùng máy khác", "Thương mại", "Trading"),
            new Line("4632", "Bán buôn thực phẩm", "Thực phẩm", "Food"),
            new Line("4711", "Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp", "Thương mại", "Trading"),
            new Line("4933", "Vận tải hàng hóa bằng đường bộ", "Vận tải", "Transport"),
            new Line("5210", "Kho bãi và lưu giữ hàng hóa", "Logistics", "Logistics"),
            new Line("5510", "Dịch vụ lưu trú ngắn ngày", "Du lịch", "Tourism"),
            new Line("5610", "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", "Dịch vụ ăn uống", "Catering"),
            new Line("6201", "Lập trình máy vi tính", "Công nghệ", "Technology"),
            new Line("6202", "Tư vấn máy vi tính và quản trị hệ thống máy vi tính", "Công nghệ", "Technology"),
            new Line("6810", "Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê", "Bất động sản", "Real Estate"),
            new Line("7020", "Hoạt động tư vấn quản lý", "Tư vấn", "Consulting"),
            new Line("7110", "Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan", "Tư vấn thiết kế", "Engineering Consulting"),
            new Line("1410", "May trang phục (trừ trang phục từ da lông thú)", "Dệt may", "Garment"),
            new Line("1079", "Sản xuất thực phẩm khác chưa được phân vào đâu", "Thực phẩm", "Food"),
            new Line("0118", "Trồng rau, đậu các loại và trồng hoa", "Nông nghiệp", "Agriculture"),
            new Line("4620", "Bán buôn nông, lâm sản nguyên liệu (trừ gỗ, tre, nứa) và động vật sống", "Nông sản", "Agricultural Products"),
            new Line("2220", "Sản xuất sản phẩm từ plastic", "Nhựa", "Plastics"),
            new Line("2511", "Sản xuất các cấu kiện kim loại", "Cơ khí", "Mechanical Engineering"),
            new Line("8559", "Giáo dục khác chưa được phân vào đâu", "Giáo dục", "Education"),
            new Line("8620", "Hoạt động của các phòng khám đa khoa, chuyên khoa và nha khoa", "Y tế", "Healthcare"),
            new Line("4530", "Bán phụ tùng và các bộ phận phụ trợ của ô tô và xe có động cơ khác", "Phụ tùng ô tô", "Auto Parts"));

    static final List<LegalForm> LEGAL_FORMS = List.of(
            new LegalForm("TNHH1TV", "Công ty trách nhiệm hữu hạn một thành viên", "COMPANY LIMITED", "CO., LTD",
                    "Giám đốc", "Công ty TNHH MTV"),
            new LegalForm("TNHH2TV", "Công ty trách nhiệm hữu hạn hai thành viên trở lên", "COMPANY LIMITED", "CO., LTD",
                    "Giám đốc", "Công ty TNHH"),
            new LegalForm("CP", "Công ty cổ phần", "JOINT STOCK COMPANY", "JSC", "Tổng giám đốc", "Công ty Cổ phần"),
            new LegalForm("DNTN", "Doanh nghiệp tư nhân", "PRIVATE ENTERPRISE", "PE", "Chủ doanh nghiệp",
                    "Doanh nghiệp tư nhân"),
            new LegalForm("HD", "Công ty hợp danh", "PARTNERSHIP", "PARTNERSHIP", "Thành viên hợp danh",
                    "Công ty Hợp danh"));

    static final LegalForm HOUSEHOLD = new LegalForm("HKD", "Hộ kinh doanh", "HOUSEHOLD BUSINESS", "HKD",
            "Chủ hộ kinh doanh", "Hộ kinh doanh");

    static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    static final List<String> MIDDLE = List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân");
    static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Lan",
            "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vy", "Yến", "Khoa", "Nhung");

    private VietnameseNames() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String personName(Random random) {
        return pick(random, FAMILY) + " " + pick(random, MIDDLE) + " " + pick(random, GIVEN);
    }

    /** "Thành Đạt" → "THANH DAT": English names are written without diacritics, upper case. */
    static String ascii(String vietnamese) {
        String decomposed = Normalizer.normalize(vietnamese.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }
}
