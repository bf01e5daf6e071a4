package vn.gov.bus.core.state;

/** How a document reaches an agency. */
public enum Channel {
    /** A local document system that fetches from its pending box on the hub. */
    LOCAL,
    /** The national document exchange axis. */
    AXIS,
    /** The official mail server, for units without a document system. */
    MAIL
}
