package vn.gov.bus.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Discrepancy;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.ReconciliationTotals;

class DiscrepancyReportTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void csvStartsWithABomAndVietnameseHeadersAndJsonCarriesTheTotals() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DiscrepancyReport report = new DiscrepancyReport(csv, json, "119000123456", DAY, "VCB.xml",
                Instant.parse("2026-12-02T00:00:00Z"), HCM);
        Payment p = new Payment(7, "000.05.H53-261201-0000007", "LP-DKKD", 100_000, "=HYPERLINK(\"http://x\")",
                "VNPAY", "VN1", DAY.atTime(8, 0).atZone(HCM).toInstant(), "119000123456");
        BankEntry e = new BankEntry(12, "FT12", "VN1", 90_000, true, DAY, null, "TT LE PHI, HS 000.05.H53-261201-0000007",
                "000.05.H53-261201-0000007");
        report.discrepancy(new Discrepancy(DiscrepancyKind.AMOUNT_MISMATCH, p, e, "chênh -10000 / difference -10000"));
        report.finish(new ReconciliationTotals(1, 0, 1, 0, Map.of(DiscrepancyKind.AMOUNT_MISMATCH, 1L), 90_000, 100_000));

        byte[] bytes = csv.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("Loại sai lệch,Mã loại,Mã hồ sơ,Mã phí,Số tiền thanh toán (VND)");
        assertThat(lines.get(1)).startsWith("Sai lệch số tiền,AMOUNT_MISMATCH,000.05.H53-261201-0000007,LP-DKKD,100000,90000,")
                // a payer name that a spreadsheet would run as a formula is defused, and quoted
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                // a comma in the transfer text is quoted, not a new column
                .contains("\"TT LE PHI, HS 000.05.H53-261201-0000007\"")
                .contains("2026-12-01 08:00:00");
        JsonNode root = new ObjectMapper().readTree(json.toByteArray());
        assertThat(root.get("account").asText()).isEqualTo("119000123456");
        assertThat(root.at("/discrepancies/0/payment/amount").asLong()).isEqualTo(100_000);
        assertThat(root.at("/discrepancies/0/bankEntry/amount").asLong()).isEqualTo(90_000);
        assertThat(root.at("/totals/discrepancies/AMOUNT_MISMATCH").asLong()).isEqualTo(1);
        assertThat(root.at("/totals/discrepancies/SETTLED_LATE").asLong()).isZero();
    }

    @Test
    void negativeNumbersStayNumbersButOtherFormulaPrefixesAreDefused() {
        assertThat(DiscrepancyReport.quote("-10000")).isEqualTo("-10000");
        assertThat(DiscrepancyReport.quote("+84-912")).isEqualTo("\"'+84-912\"");
        assertThat(DiscrepancyReport.quote("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(DiscrepancyReport.quote(null)).isEmpty();
    }
}
