package vn.gov.bus.routes.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.edxml.TraceHeaders;
import vn.gov.bus.core.xml.SecureXml;

class SigningTimeTest {

    static final String SENDER = "000.00.00.G22";
    static final Duration WINDOW = Duration.ofDays(7);
    final EdxmlReader reader = new EdxmlReader(new SecureXml());
    final Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private EdocPackage sentAt(String organId, Instant at) {
        EdocPackage parsed = reader.read(SamplePackages.edoc().from(SENDER, "Văn phòng Chính phủ")
                .to("000.00.05.H53", "Sở Tài chính").build());
        // only the TraceHeader under test: the sample package carries one stamped now
        var traces = parsed.dom().getElementsByTagNameNS("*", "TraceHeader");
        while (traces.getLength() > 0) {
            traces.item(0).getParentNode().removeChild(traces.item(0));
        }
        if (at != null) {
            TraceHeaders.append(parsed.dom(), organId, at);
        }
        return reader.read(parsed.toBytes());
    }

    @Test
    void sendersOwnTraceHeaderWithinTheWindowIsTheTimeTheCertificateIsJudgedAt() {
        Instant sent = received.minus(Duration.ofDays(2));
        SigningTime when = SigningTime.of(sentAt(SENDER, sent), received, WINDOW);
        assertThat(when.at()).isEqualTo(sent);
        assertThat(when.claimed()).isTrue();
        assertThat(when.note()).contains("the sending time the sender's TraceHeader claims");
    }

    @Test
    void withoutTheSendersTraceHeaderThePackageIsJudgedAtReception() {
        assertThat(SigningTime.of(sentAt(SENDER, null), received, WINDOW).at()).isEqualTo(received);
        SigningTime otherHop = SigningTime.of(sentAt("00.53.W00", received.minus(Duration.ofDays(1))), received, WINDOW);
        assertThat(otherHop.at()).isEqualTo(received);
        assertThat(otherHop.claimed()).isFalse();
    }

    @Test
    void claimedTimesOutsideTheWindowOrAfterReceptionAreNotBelieved() {
        SigningTime old = SigningTime.of(sentAt(SENDER, received.minus(Duration.ofDays(8))), received, WINDOW);
        assertThat(old.at()).isEqualTo(received);
        assertThat(old.note()).contains("bus.pki.signing-time-window");
        SigningTime future = SigningTime.of(sentAt(SENDER, received.plus(Duration.ofHours(1))), received, WINDOW);
        assertThat(future.at()).isEqualTo(received);
        assertThat(future.note()).contains("after reception");
    }

    @Test
    void aClaimWithinTheClockSkewOfReceptionChangesNothing() {
        SigningTime recent = SigningTime.of(sentAt(SENDER, received.minus(Duration.ofMinutes(1))), received, WINDOW);
        assertThat(recent.at()).isEqualTo(received);
        assertThat(recent.note()).isNull();
    }
}
