package vn.gov.bus.routes.feeds;

/**
 * What a feed does with one file. Runs inside the database transaction that records the file
 * in the ledger: everything it stores commits with that record, or not at all. Throws
 * {@link vn.gov.bus.connectors.feeds.FeedRejectedException} for bad input (the file goes to
 * {@code .error/} with the reason); any other exception leaves the file where it is, to be
 * tried again on the next poll.
 *
 * @return a one-line summary for the audit log
 */
@FunctionalInterface
public interface FeedHandler {
    String handle(FeedFile file) throws Exception;
}
