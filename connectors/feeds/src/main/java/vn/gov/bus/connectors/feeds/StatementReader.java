package vn.gov.bus.connectors.feeds;

import java.io.Closeable;
import java.time.LocalDate;
import java.util.Iterator;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * A bank statement of one beneficiary account and one day, streamed entry by entry. The account
 * and the day are known before the first entry is read (so that the payments to match can be
 * loaded first). A format error anywhere throws {@link FeedRejectedException}, also from
 * {@link #hasNext()} and {@link #next()}: the caller must not commit anything of a statement it could not
 * read to the end.
 */
public interface StatementReader extends Iterator<BankEntry>, Closeable {

    String account();

    LocalDate day();

    @Override
    void close();
}
