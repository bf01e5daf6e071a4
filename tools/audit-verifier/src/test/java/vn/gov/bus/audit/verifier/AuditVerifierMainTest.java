package vn.gov.bus.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's output and exit codes, on bundles written by this module alone. */
class AuditVerifierMainTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditVerifierMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIntactBundlePrintsOkWithCountsAndExitsZero() throws Exception {
        Path bundle = TestBundles.write(dir, 5);
        Run r = run(bundle.toString(), "--anchor=" + dir.resolve("root.pem"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("OK records=5").contains("payloads=5").contains("checkpoints=1")
                .contains("HỢP LỆ");
    }

    @Test
    void aBundleSignedUnderAnotherRootThanTheGivenAnchorFails() throws Exception {
        Path bundle = TestBundles.write(dir, 3);
        Path other = Files.createDirectory(dir.resolve("other"));
        TestBundles.write(other, 1);
        Run r = run(bundle.toString(), "--anchor=" + other.resolve("root.pem"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN at record 3").contains("does not chain to a trust anchor");
    }

    @Test
    void aFileThatIsNotABundleExitsTwoWithTheReason() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.zip"), "not a zip");
        Run r = run(notZip.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("records.txt");
    }

    @Test
    void noArgumentsExitTwoWithTheUsage() {
        Run r = run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("usage");
    }
}
