package vn.gov.bus.core.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import vn.gov.bus.audit.verifier.Digests;

/** RFC 3161 over HTTP (RFC 3161 §3.4): POST application/timestamp-query, answer application/timestamp-reply. */
public class TimestampClient {

    private final URI tsa;
    private final HttpClient http;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    public TimestampClient(URI tsa, Duration timeout) {
        this.tsa = tsa;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The DER TimeStampToken over SHA-256 of {@code data}, checked against the request. */
    public byte[] timestamp(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, Digests.sha256(data),
                new BigInteger(64, random));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(tsa).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("TSA " + tsa + " answered HTTP " + response.statusCode());
            }
            TimeStampResponse answer = new TimeStampResponse(response.body());
            answer.validate(request);
            if (answer.getTimeStampToken() == null) {
                throw new IllegalStateException("TSA " + tsa + " granted no token: " + answer.getStatusString());
            }
            return answer.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("TSA " + tsa + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for TSA " + tsa, e);
        }
    }
}
