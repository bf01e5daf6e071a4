package vn.gov.bus.app.observability;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryState;

/**
 * Statistics counted from real traffic: documents sent through the hub to a local agency and to
 * the national axis (simulator), handled on time, late, rejected or not yet, as JSON, CSV and XLSX.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.feeds.enabled=false",
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatisticsFlowTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    AxisSimulator axis;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    LocalDocumentSystemSimulator system(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"), organId, token);
    }

    @Test
    void documentsSentThroughTheHubAreCountedPerAgencyAsJsonCsvAndXlsx() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        String onTime = send(office, "901", today.plusDays(5), FINANCE);
        String late = send(office, "902", today.minusDays(2), FINANCE);
        String rejected = send(office, "903", null, FINANCE);
        String pending = send(office, "904", today.plusDays(1), FINANCE);
        String national = send(office, "905", null, GOVERNMENT_OFFICE);

        await().atMost(Duration.ofSeconds(60)).until(() -> axis.countByDocumentId(national) == 1
                && List.of(onTime, late, rejected, pending).stream().allMatch(this::deliveredToFinance));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, national).stream()
                .allMatch(d -> d.state() == DeliveryState.DELIVERED));
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        for (PendingItem item : finance.pendingIds()) {
            finance.fetch(item.id());
            finance.confirm(item.id());
        }
        status(finance, onTime, "901", "06");
        status(finance, late, "902", "06");
        status(finance, rejected, "903", "02");

        JsonNode report = json.readTree(get("/api/admin/statistics?from=" + today + "&to=" + today + "&period=day")
                .body());
        Map<String, JsonNode> rows = new HashMap<>();
        report.get("rows").forEach(r -> rows.put(r.get("agency").asText(), r));
        assertThat(report.get("period").asText()).isEqualTo("day");
        assertThat(rows.keySet()).contains(OFFICE, FINANCE, GOVERNMENT_OFFICE);

        JsonNode officeRow = rows.get(OFFICE);
        assertThat(officeRow.get("period").asText()).isEqualTo(today.toString());
        assertThat(officeRow.get("sent").asLong()).isEqualTo(5);
        assertThat(officeRow.get("received").asLong()).isZero(); // status packages are not documents

        JsonNode financeRow = rows.get(FINANCE);
        assertThat(financeRow.get("agencyName").asText()).isNotBlank();
        assertThat(financeRow.get("received").asLong()).isEqualTo(4);
        assertThat(financeRow.get("handled").asLong()).isEqualTo(2);
        assertThat(financeRow.get("handledOnTime").asLong()).isEqualTo(1);
        assertThat(financeRow.get("rejected").asLong()).isEqualTo(1);
        assertThat(financeRow.get("pending").asLong()).isEqualTo(1);
        assertThat(financeRow.get("sent").asLong()).isZero();

        JsonNode nationalRow = rows.get(GOVERNMENT_OFFICE);
        assertThat(nationalRow.get("received").asLong()).isEqualTo(1);
        assertThat(nationalRow.get("pending").asLong()).isEqualTo(1);

        // one agency, by month: the same counts in the month's row
        JsonNode monthly = json.readTree(get("/api/admin/statistics?from=" + today.withDayOfMonth(1) + "&to=" + today
                + "&agency=" + FINANCE + "&period=month").body());
        assertThat(monthly.get("rows")).hasSize(1);
        assertThat(monthly.get("rows").get(0).get("period").asText()).isEqualTo(today.toString().substring(0, 7));
        assertThat(monthly.get("rows").get(0).get("handledOnTime").asLong()).isEqualTo(1);
        assertThat(monthly.get("totals").get("received").asLong()).isEqualTo(4);

        HttpResponse<byte[]> csv = getBytes("/api/admin/statistics?from=" + today + "&to=" + today + "&agency=" + FINANCE
                + "&period=day&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(".csv");
        byte[] csvBytes = csv.body();
        assertThat(new byte[] {csvBytes[0], csvBytes[1], csvBytes[2]})
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> lines = new BufferedReader(new StringReader(new String(csvBytes, 3, csvBytes.length - 3,
                StandardCharsets.UTF_8))).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Mã định danh,Tên cơ quan,Kỳ,Từ ngày,Đến ngày,Văn bản đã gửi,"
                + "Văn bản đã nhận,Chưa xử lý,Từ chối,Đã xử lý,Xử lý đúng hạn");
        assertThat(lines.get(1)).startsWith(FINANCE + ",").endsWith("," + today + "," + today + ",0,4,1,1,2,1,0");

        HttpResponse<byte[]> xlsx = getBytes("/api/admin/statistics?from=" + today + "&to=" + today + "&period=day"
                + "&format=xlsx");
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("Thống kê");
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Xử lý đúng hạn");
            Row financeLine = null;
            for (Row row : sheet) {
                if (FINANCE.equals(row.getCell(0).getStringCellValue())) {
                    financeLine = row;
                }
            }
            assertThat(financeLine).isNotNull();
            assertThat(financeLine.getCell(6).getNumericCellValue()).isEqualTo(4.0);
            assertThat(financeLine.getCell(9).getNumericCellValue()).isEqualTo(2.0);
            assertThat(financeLine.getCell(10).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(report.get("rows").size());
        }
    }

    @Test
    void badParametersAreRefusedNamingTheFieldAndTheRule() throws Exception {
        assertRefused("/api/admin/statistics?from=2026-13-01", "from", "format");
        assertRefused("/api/admin/statistics?from=2026-11-02&to=2026-11-01", "to", "not-before-from");
        assertRefused("/api/admin/statistics?period=week", "period", "one-of");
        assertRefused("/api/admin/statistics?format=pdf", "format", "one-of");
        assertRefused("/api/admin/statistics?agency=999.99.99.Z99", "agency", "known-agency");
        assertRefused("/api/admin/statistics?from=2000-01-01&to=2026-01-01", "to", "max-days");
    }

    @Test
    void aPeriodWithoutTrafficHasNoRowsAndZeroTotals() throws Exception {
        JsonNode report = json.readTree(get("/api/admin/statistics?from=2020-01-01&to=2020-12-31&period=quarter")
                .body());
        assertThat(report.get("rows")).isEmpty();
        assertThat(report.get("totals").get("sent").asLong()).isZero();
        assertThat(report.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    private void assertRefused(String path, String field, String rule) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("field").asText()).as(path).isEqualTo(field);
        assertThat(body.get("rule").asText()).as(path).isEqualTo(rule);
        assertThat(body.get("messageVi").asText()).as(path).isNotBlank();
    }

    private String send(LocalDocumentSystemSimulator office, String number, LocalDate due, String to) {
        SamplePackages.EdocBuilder edoc = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(to, "Nơi nhận")
                .code(number, "UBND-VP").subject("Thống kê " + number);
        if (due != null) {
            edoc.dueDate(due);
        }
        return office.send(edoc.build()).documentId();
    }

    private boolean deliveredToFinance(String documentId) {
        return ledger.forDocument(OFFICE, documentId).stream()
                .anyMatch(d -> FINANCE.equals(d.key().recipientId()) && d.state() == DeliveryState.DELIVERED);
    }

    private void status(LocalDocumentSystemSimulator finance, String documentId, String number, String code) {
        finance.sendStatus(SamplePackages.status().from(FINANCE, "Sở Tài chính")
                .responseFor(OFFICE, number + "/UBND-VP", LocalDate.now(VIETNAM), documentId)
                .statusCode(code).at(Instant.now()).build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestUsers.OPERATOR.authorize(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        HttpResponse<byte[]> answer = http.send(TestUsers.AUDITOR.authorize(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer;
    }
}
