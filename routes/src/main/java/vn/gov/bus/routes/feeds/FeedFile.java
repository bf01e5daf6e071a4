package vn.gov.bus.routes.feeds;

import java.nio.file.Path;

/**
 * A feed file downloaded to the local work directory, being processed.
 *
 * @param id     its row in the feed file ledger (names it in .done/ and .error/)
 * @param feed   which feed (bank-statements, payments, tax-notices…)
 * @param name   its name in the drop folder
 * @param local  the downloaded copy
 */
public record FeedFile(long id, String feed, String name, Path local, String sha256, long size) {
}
