package vn.gov.bus.connectors.qlvb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Bounds the whole HTTP request body before any SOAP or MIME parsing. A declared
 * {@code Content-Length} over the limit is refused without reading the body; a chunked body is
 * counted as it is read and fails with {@link MessageTooLargeException} at the limit.
 * CXF has no single "max request size" setting, hence this interceptor.
 */
public final class MessageSizeLimitInterceptor extends AbstractPhaseInterceptor<Message> {

    private final long maxMessageBytes;

    public MessageSizeLimitInterceptor(long maxMessageBytes) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = declaredContentLength(message);
        if (declared > maxMessageBytes) {
            throw HubFaults.asCxfFault(new HubRejection(HubErrorCode.ATTACHMENT_TOO_LARGE, "Content-Length",
                    "max-message-bytes=" + maxMessageBytes,
                    "The request declares " + declared + " bytes; the hub accepts at most " + maxMessageBytes));
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new LimitedInputStream(in, maxMessageBytes));
        }
    }

    private static long declaredContentLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(String.valueOf(header.getKey()))
                        && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                    try {
                        return Long.parseLong(String.valueOf(values.get(0)).trim());
                    } catch (NumberFormatException notANumber) {
                        // The servlet container rejects a malformed Content-Length itself.
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /** Fails once more than {@code limit} bytes have been read. */
    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws MessageTooLargeException {
            count += n;
            if (count > limit) {
                throw new MessageTooLargeException(limit);
            }
        }
    }
}
