package vn.gov.bus.app.cluster;

import java.time.Instant;

/** Whether this node is the one that runs the single-active work now (docs/production.md). */
public interface Leadership {

    boolean isLeader();

    /** When this node last became leader or follower. */
    Instant since();

    String nodeId();
}
