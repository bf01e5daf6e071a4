package vn.gov.bus.routes.audit;

import java.util.Set;

/** The bus's queue names (bus.queues.*), to recognise them in endpoint URIs. */
public record BusQueues(String outgoing, String deliverLocal, String deliverAxis, String incoming) {

    public boolean isBusQueue(String queue) {
        return Set.of(outgoing, deliverLocal, deliverAxis, incoming).contains(queue);
    }

    /** The queue name of a {@code jms:queue:NAME?...} URI (Camel writes it {@code jms://queue:NAME}), or null. */
    static String queueOf(String uri) {
        int at = uri.indexOf("queue:");
        if (!uri.startsWith("jms:") || at < 0) {
            return null;
        }
        String rest = uri.substring(at + "queue:".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }
}
