package vn.gov.bus.routes.outgoing;

import java.util.List;
import vn.gov.bus.core.state.Channel;

/** One message for a channel queue: the signed package and the recipients it is for. */
public record ChannelDelivery(Channel channel, List<String> recipients, byte[] pkg) {

    public String recipientList() {
        return String.join(",", recipients);
    }
}
