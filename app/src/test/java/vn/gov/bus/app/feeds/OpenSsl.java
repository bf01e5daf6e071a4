package vn.gov.bus.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real openssl binary, to prove that standard tools accept what the bus signs. */
final class OpenSsl {

    private OpenSsl() {
    }

    static boolean present() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "openssl"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code openssl cms -verify} of a detached DER signature against a CA file; skipped where openssl is absent. */
    static void assertCmsVerifies(Path content, Path p7s, Path caFile) throws IOException, InterruptedException {
        Assumptions.assumeTrue(present(), "openssl is not installed");
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", content.toString(), "-CAfile", caFile.toString(), "-out", "/dev/null")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Verification successful");
    }
}
