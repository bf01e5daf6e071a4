package vn.gov.bus.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runnable jar alone (BouncyCastle shaded in, nothing else on the class path) checks a
 * bundle: what an auditor runs on a machine with no bus, no database and no network.
 */
class AuditVerifierJarIT {

    @TempDir
    Path dir;

    @Test
    void theRunnableJarAloneVerifiesABundle() throws Exception {
        Path jar = Path.of(System.getProperty("verifier.jar"));
        assertThat(jar).exists();
        Path bundle = TestBundles.write(dir, 4);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), bundle.toString(), "--anchor=" + dir.resolve("root.pem"))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("OK records=4");
        assertThat(p.exitValue()).isZero();
        Files.delete(bundle);
    }
}
