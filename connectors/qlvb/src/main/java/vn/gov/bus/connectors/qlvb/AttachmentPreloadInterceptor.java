package vn.gov.bus.connectors.qlvb;

import java.io.IOException;
import java.util.Collection;
import org.apache.cxf.attachment.AttachmentDataSource;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads every MTOM attachment of the request before the service runs. CXF otherwise reads the
 * attachments nobody asked for only when it starts writing the response; a size limit broken
 * then leaves the caller with an empty HTTP 200. Read here, the same limit becomes a proper
 * fault. Attachments are cached by CXF (in memory up to its threshold, then in a temporary file).
 */
public final class AttachmentPreloadInterceptor extends AbstractPhaseInterceptor<Message> {

    public AttachmentPreloadInterceptor() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(Message message) {
        Collection<Attachment> attachments = message.getAttachments();
        if (attachments == null) {
            return;
        }
        try {
            for (Attachment attachment : attachments) {
                if (attachment.getDataHandler().getDataSource() instanceof AttachmentDataSource source) {
                    source.cache(message);
                }
            }
        } catch (IOException e) {
            throw new Fault(e);
        }
    }
}
