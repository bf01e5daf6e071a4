package vn.gov.bus.connectors.qlvb;

import java.util.Locale;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers with MTOM only a caller that itself sent MTOM ({@code multipart/related}), and never
 * wraps a fault in MIME. Many deployed document systems are plain SOAP 1.1 clients (old .NET,
 * PHP, Axis 1) that cannot read an XOP response; they send plain {@code text/xml} and so get the
 * package inline as base64. Belongs in both the out and the out-fault chains.
 */
public final class MtomAnswerInKindInterceptor extends AbstractPhaseInterceptor<Message> {

    public MtomAnswerInKindInterceptor() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        Message request = exchange == null ? null : exchange.getInMessage();
        boolean isFault = exchange != null && message == exchange.getOutFaultMessage();
        if (isFault || request == null || !isMultipart(request.get(Message.CONTENT_TYPE))) {
            message.put(Message.MTOM_ENABLED, Boolean.FALSE);
        }
    }

    private static boolean isMultipart(Object contentType) {
        return contentType != null && contentType.toString().toLowerCase(Locale.ROOT).startsWith("multipart/related");
    }
}
