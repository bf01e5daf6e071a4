package vn.gov.bus.connectors.axis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Small edXML packages shaped like real traffic: default-namespace root, {@code edXML:} prefixed children. */
public final class EdxmlSamples {

    private EdxmlSamples() {
    }

    public static byte[] edoc(String documentId, String from, List<String> to) {
        String recipients = to.stream().map(organ -> """
                        <edXML:To>
                          <edXML:OrganId>%s</edXML:OrganId>
                          <edXML:OrganName>Cơ quan nhận</edXML:OrganName>
                        </edXML:To>
                """.formatted(organ)).collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope>
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From>
                          <edXML:OrganId>%s</edXML:OrganId>
                          <edXML:OrganName>UBND tỉnh Tây Ninh</edXML:OrganName>
                        </edXML:From>
                %s
                        <edXML:DocumentId>%s</edXML:DocumentId>
                        <edXML:Code>
                          <edXML:CodeNumber>7816</edXML:CodeNumber>
                          <edXML:CodeNotation>UBND-VP</edXML:CodeNotation>
                        </edXML:Code>
                        <edXML:Subject>Về việc triển khai liên thông văn bản điện tử</edXML:Subject>
                        <edXML:ResponseFor>
                          <edXML:OrganId>000.00.00.G22</edXML:OrganId>
                          <edXML:DocumentId>not-this-one</edXML:DocumentId>
                        </edXML:ResponseFor>
                      </edXML:MessageHeader>
                      <edXML:TraceHeaderList>
                        <edXML:TraceHeader>
                          <edXML:OrganId>%s</edXML:OrganId>
                          <edXML:Timestamp>2025/01/15 08:30:00</edXML:Timestamp>
                        </edXML:TraceHeader>
                      </edXML:TraceHeaderList>
                    </edXML:edXMLHeader>
                    <edXML:edXMLBody>
                      <edXML:edXMLManifest version="1.0"/>
                    </edXML:edXMLBody>
                  </edXML:edXMLEnvelope>
                  <edXML:AttachmentEncoded/>
                </edXML>
                """.formatted(from, recipients, documentId, from).getBytes(StandardCharsets.UTF_8);
    }

    /** A status package answering {@code documentId}, addressed back to its sender {@code originalSender}. */
    public static byte[] status(String from, String originalSender, String documentId, String statusCode) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXMLEnvelope>
                    <edXMLHeader>
                      <MessageHeader>
                        <From><OrganId>%s</OrganId></From>
                        <ResponseFor>
                          <OrganId>%s</OrganId>
                          <Code>7816/UBND-VP</Code>
                          <PromulgationDate>2025/01/15</PromulgationDate>
                          <DocumentId>%s</DocumentId>
                        </ResponseFor>
                        <StatusCode>%s</StatusCode>
                        <Description>Đã đến</Description>
                        <Timestamp>2025/01/15 09:00:00</Timestamp>
                      </MessageHeader>
                    </edXMLHeader>
                  </edXMLEnvelope>
                </edXML>
                """.formatted(from, originalSender, documentId, statusCode).getBytes(StandardCharsets.UTF_8);
    }

    /** An otherwise valid package that declares a DTD with an internal entity. */
    public static byte[] withDoctype() {
        String edoc = new String(edoc("000.00.00.H53,2025/01/15,1/UBND-VP", "000.00.00.H53",
                List.of("000.00.00.G22")), StandardCharsets.UTF_8);
        return edoc.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE edXML [<!ENTITY boom \"boom\">]>\n")
                .replace("Về việc", "&boom; Về việc")
                .getBytes(StandardCharsets.UTF_8);
    }
}
