package vn.gov.bus.connectors.axis.simulator;

import java.util.List;

/**
 * Names used to generate a realistic agency directory. The 63 provinces are listed in the order
 * of their {@code H01…H63} codes (alphabetical order of the pre-2025 provinces, QCVN 102:2016;
 * consistent with the known {@code H53} Tây Ninh). Central bodies other than {@code G22}
 * (Government Office) are numbered for illustration only.
 */
final class VietnameseAdministration {

    record Central(String name, String domain) {
    }

    record Province(String name, boolean centralCity) {
        String title() {
            return (centralCity ? "thành phố " : "tỉnh ") + name;
        }
    }

    static final List<Province> PROVINCES = List.of(
            p("An Giang"), p("Bà Rịa - Vũng Tàu"), p("Bắc Giang"), p("Bắc Kạn"), p("Bạc Liêu"), p("Bắc Ninh"),
            p("Bến Tre"), p("Bình Định"), p("Bình Dương"), p("Bình Phước"), p("Bình Thuận"), p("Cà Mau"),
            city("Cần Thơ"), p("Cao Bằng"), city("Đà Nẵng"), p("Đắk Lắk"), p("Đắk Nông"), p("Điện Biên"),
            p("Đồng Nai"), p("Đồng Tháp"), p("Gia Lai"), p("Hà Giang"), p("Hà Nam"), city("Hà Nội"),
            p("Hà Tĩnh"), p("Hải Dương"), city("Hải Phòng"), p("Hậu Giang"), city("Hồ Chí Minh"), p("Hòa Bình"),
            p("Hưng Yên"), p("Khánh Hòa"), p("Kiên Giang"), p("Kon Tum"), p("Lai Châu"), p("Lâm Đồng"),
            p("Lạng Sơn"), p("Lào Cai"), p("Long An"), p("Nam Định"), p("Nghệ An"), p("Ninh Bình"),
            p("Ninh Thuận"), p("Phú Thọ"), p("Phú Yên"), p("Quảng Bình"), p("Quảng Nam"), p("Quảng Ngãi"),
            p("Quảng Ninh"), p("Quảng Trị"), p("Sóc Trăng"), p("Sơn La"), p("Tây Ninh"), p("Thái Bình"),
            p("Thái Nguyên"), p("Thanh Hóa"), p("Thừa Thiên Huế"), p("Tiền Giang"), p("Trà Vinh"),
            p("Tuyên Quang"), p("Vĩnh Long"), p("Vĩnh Phúc"), p("Yên Bái"));

    /** Government bodies, G01… in this order; index 21 is G22. */
    static final List<Central> GOVERNMENT = List.of(
            new Central("Bộ Quốc phòng", "mod.gov.vn"), new Central("Bộ Công an", "bocongan.gov.vn"),
            new Central("Bộ Ngoại giao", "mofa.gov.vn"), new Central("Bộ Nội vụ", "moha.gov.vn"),
            new Central("Bộ Tư pháp", "moj.gov.vn"), new Central("Bộ Kế hoạch và Đầu tư", "mpi.gov.vn"),
            new Central("Bộ Tài chính", "mof.gov.vn"), new Central("Bộ Công Thương", "moit.gov.vn"),
            new Central("Bộ Nông nghiệp và Phát triển nông thôn", "mard.gov.vn"),
            new Central("Bộ Giao thông vận tải", "mt.gov.vn"), new Central("Bộ Xây dựng", "moc.gov.vn"),
            new Central("Bộ Tài nguyên và Môi trường", "monre.gov.vn"),
            new Central("Bộ Thông tin và Truyền thông", "mic.gov.vn"),
            new Central("Bộ Lao động - Thương binh và Xã hội", "molisa.gov.vn"),
            new Central("Bộ Văn hóa, Thể thao và Du lịch", "bvhttdl.gov.vn"),
            new Central("Bộ Khoa học và Công nghệ", "most.gov.vn"),
            new Central("Bộ Giáo dục và Đào tạo", "moet.gov.vn"), new Central("Bộ Y tế", "moh.gov.vn"),
            new Central("Ủy ban Dân tộc", "cema.gov.vn"), new Central("Ngân hàng Nhà nước Việt Nam", "sbv.gov.vn"),
            new Central("Thanh tra Chính phủ", "thanhtra.gov.vn"), new Central("Văn phòng Chính phủ", "chinhphu.vn"),
            new Central("Đài Truyền hình Việt Nam", "vtv.gov.vn"), new Central("Thông tấn xã Việt Nam", "vnanet.vn"),
            new Central("Đài Tiếng nói Việt Nam", "vov.gov.vn"), new Central("Bảo hiểm xã hội Việt Nam", "baohiemxahoi.gov.vn"),
            new Central("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "vast.gov.vn"),
            new Central("Viện Hàn lâm Khoa học xã hội Việt Nam", "vass.gov.vn"),
            new Central("Kiểm toán Nhà nước", "sav.gov.vn"));

    /** Party bodies, A01… in this order. */
    static final List<Central> PARTY = List.of(
            new Central("Văn phòng Trung ương Đảng", "dangcongsan.vn"),
            new Central("Ban Tổ chức Trung ương", "dangcongsan.vn"),
            new Central("Ban Tuyên giáo Trung ương", "dangcongsan.vn"),
            new Central("Ban Dân vận Trung ương", "dangcongsan.vn"),
            new Central("Ban Kinh tế Trung ương", "dangcongsan.vn"),
            new Central("Ban Nội chính Trung ương", "dangcongsan.vn"),
            new Central("Ủy ban Kiểm tra Trung ương", "dangcongsan.vn"),
            new Central("Ban Đối ngoại Trung ương", "dangcongsan.vn"));

    static final List<String> CENTRAL_UNITS = List.of(
            "Văn phòng", "Thanh tra", "Vụ Tổ chức cán bộ", "Vụ Pháp chế", "Vụ Kế hoạch - Tài chính",
            "Vụ Hợp tác quốc tế", "Vụ Khoa học và Công nghệ", "Vụ Thi đua - Khen thưởng", "Vụ Tổng hợp",
            "Cục Công nghệ thông tin", "Cục Kiểm soát thủ tục hành chính", "Cục Hành chính - Quản trị",
            "Cục Quản lý chất lượng", "Cục Kế hoạch - Tài chính", "Trung tâm Thông tin",
            "Viện Chiến lược và Chính sách", "Trường Bồi dưỡng cán bộ", "Tạp chí", "Vụ Pháp luật",
            "Vụ Kinh tế tổng hợp", "Vụ Công tác phía Nam", "Cục Lưu trữ", "Trung tâm Dữ liệu");

    static final List<String> UNIT_SECTIONS = List.of(
            "Phòng Tổng hợp", "Phòng Hành chính", "Phòng Kế toán", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2");

    /** Level 2 under a province: the People's Committee office first, then the departments. */
    static final List<String> PROVINCE_DEPARTMENTS = List.of(
            "Văn phòng UBND", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
            "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải",
            "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
            "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Thanh tra",
            "Ban Dân tộc", "Ban Quản lý các khu công nghiệp");

    static final List<String> DEPARTMENT_UNITS = List.of(
            "Văn phòng", "Thanh tra", "Trung tâm Công nghệ thông tin", "Chi cục Quản lý", "Trung tâm Dịch vụ",
            "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ");

    static final List<String> PROVINCE_OFFICE_UNITS = List.of(
            "Trung tâm Phục vụ hành chính công", "Cổng Thông tin điện tử", "Trung tâm Tin học - Công báo");

    /** Level 3 under a district, before its communes; index 7 is the education office. */
    static final List<String> DISTRICT_OFFICES = List.of(
            "Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch",
            "Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội",
            "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Thanh tra",
            "Phòng Kinh tế và Hạ tầng", "Phòng Nông nghiệp và Phát triển nông thôn");

    static final int EDUCATION_OFFICE_INDEX = 7;

    static final List<String> SCHOOL_KINDS = List.of("Trường Mầm non", "Trường Tiểu học", "Trường THCS");

    static final List<String> COMMUNE_UNITS = List.of("Trạm Y tế", "Trường Mầm non", "Công an");

    /** Syllables of common Vietnamese place names. */
    static final List<String> PLACE_SYLLABLES = List.of(
            "An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Thuận",
            "Lợi", "Hưng", "Phước", "Thành", "Trung", "Xuân", "Vĩnh", "Đức", "Quang", "Sơn", "Hải", "Lộc",
            "Thọ", "Yên", "Cẩm", "Kim", "Ngọc", "Hồng", "Lạc", "Hiệp", "Khánh", "Định", "Thắng", "Tiến", "Hà",
            "Minh", "Thái", "Phong", "Châu", "Giang", "Lâm", "Nghĩa", "Tường", "Hậu", "Điền", "Lương", "Quý");

    private VietnameseAdministration() {
    }

    private static Province p(String name) {
        return new Province(name, false);
    }

    private static Province city(String name) {
        return new Province(name, true);
    }
}
