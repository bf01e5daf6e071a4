package vn.gov.bus.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar bus-audit-verifier-cli.jar bundle.zip [--anchor=root.pem ...]}: checks an
 * exported audit bundle with no database and no network. Prints {@code OK} and counts (exit 0),
 * or the first broken record and why (exit 1); unusable arguments or files exit 2.
 */
public final class AuditVerifierMain {

    private AuditVerifierMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundle = null;
        List<Path> anchorFiles = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--anchor=")) {
                anchorFiles.add(Path.of(arg.substring("--anchor=".length())));
            } else if (arg.startsWith("--") || bundle != null) {
                return usage(err, "unexpected argument '" + arg + "'");
            } else {
                bundle = Path.of(arg);
            }
        }
        if (bundle == null) {
            return usage(err, "no bundle given");
        }
        Bundle read;
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            read = Bundle.read(bundle);
            for (Path a : anchorFiles) {
                anchors.addAll(Bundle.parseCertificates(Files.readAllBytes(a), a.toString()));
            }
        } catch (IOException e) {
            err.println("cannot read / không đọc được: " + e.getMessage());
            return 2;
        }
        if (anchors.isEmpty()) {
            out.println("note: trust anchors are the root certificates inside the bundle; pass --anchor=root.pem "
                    + "to use roots you obtained yourself / ghi chú: dùng chứng thư gốc có trong gói, "
                    + "hãy truyền --anchor=root.pem để dùng chứng thư gốc của riêng bạn");
        }
        ChainVerifier.Report report = BundleVerifier.verify(read, anchors);
        out.println(report.summary());
        out.println(report.summaryVi());
        return report.ok() ? 0 : 1;
    }

    private static int usage(PrintStream err, String why) {
        err.println(why + "\nusage / cách dùng: java -jar bus-audit-verifier-cli.jar bundle.zip [--anchor=root.pem ...]");
        return 2;
    }
}
