package vn.gov.bus.routes.feeds;

/** The file processor of each inbound feed (built once, with the feed's handler, in the assembly). */
public record FeedProcessors(FeedFileProcessor bankStatements, FeedFileProcessor bankStatementsFtp,
                             FeedFileProcessor payments, FeedFileProcessor taxNotices) {
}
