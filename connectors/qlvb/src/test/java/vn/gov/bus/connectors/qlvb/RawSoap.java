package vn.gov.bus.connectors.qlvb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Hand-written SOAP requests over plain HTTP, for what a generated client would never send
 * (a DOCTYPE, a forged size) or to see exactly what goes over the wire.
 */
final class RawSoap {

    private RawSoap() {
    }

    static String envelope(String organId, String token, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:h="urn:vn:gov:bus:hub:1">
                  <soap:Header>
                    <h:AgencyCredentials><h:organId>%s</h:organId><h:token>%s</h:token></h:AgencyCredentials>
                  </soap:Header>
                  <soap:Body>%s</soap:Body>
                </soap:Envelope>
                """.formatted(organId, token, body);
    }

    static HttpResponse<String> post(URI url, String xml) throws IOException, InterruptedException {
        return post(url, "text/xml; charset=UTF-8", HttpRequest.BodyPublishers.ofString(xml));
    }

    static HttpResponse<String> post(URI url, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("SOAPAction", "\"\"")
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
