package vn.gov.bus.connectors.feeds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * Reads an ISO 20022 camt.053.001.02 bank-to-customer statement of one account and one day, in
 * one streaming pass that validates the file against the unmodified ISO schema and picks out each
 * {@code Ntry} ({@link Camt053Parser}, on a thread of its own, so that validating and parsing run
 * on one core while the caller reconciles on the other). Memory does not grow with the statement:
 * at most {@value #QUEUED_BATCHES} batches of {@value Camt053Parser#BATCH} entries are in flight.
 *
 * <p>The file is accepted only if all of it is valid: {@link #hasNext()} answers {@code false} only
 * after the last byte has been validated. A file that breaks the schema is refused with the line
 * and column of its first error, from the constructor if the error comes before the first entry,
 * else from {@code hasNext()}/{@code next()} (entries handed out before it were valid, but the caller
 * commits nothing of a statement it could not read to the end, see {@link StatementReader}). A
 * schema error takes precedence over the bus's own rules (one {@code Stmt}, whole VND amounts, a
 * booking date on every entry), as when the whole file was validated before it was read.
 *
 * <p>Hostile input: DTDs and external entities are refused, the element depth is bounded.
 */
public final class Camt053Reader implements StatementReader {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    static final int QUEUED_BATCHES = 8;

    private final BlockingQueue<Camt053Parser.Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Camt053Parser parser;
    private final Thread thread;
    private final String account;
    private final LocalDate day;
    private List<BankEntry> batch = List.of();
    private int index;
    private boolean ended;
    private Throwable failure;

    public Camt053Reader(Path file, DossierCodes dossierCodes, ZoneId zone) {
        this.parser = new Camt053Parser(file, dossierCodes, zone, chunks);
        this.thread = new Thread(parser, "camt053 " + file.getFileName());
        // a reader its caller forgot to close must not keep the JVM alive
        thread.setDaemon(true);
        thread.start();
        Camt053Parser.Header header;
        try {
            header = header();
        } catch (RuntimeException | Error e) {
            close(); // the caller gets no reader to close
            throw e;
        }
        account = header.account();
        day = header.day();
    }

    /** Waits for the account and day, which come before the first entry, or for the refusal. */
    private Camt053Parser.Header header() {
        Camt053Parser.Chunk first = take();
        if (first instanceof Camt053Parser.Header header) {
            return header;
        }
        Throwable refused = ((Camt053Parser.End) first).failure();
        throw rethrow(refused != null ? refused : new IllegalStateException("camt.053 parse ended without a header"));
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public LocalDate day() {
        return day;
    }

    @Override
    public boolean hasNext() {
        while (index == batch.size()) {
            if (failure != null) {
                throw rethrow(failure);
            }
            if (ended) {
                return false;
            }
            Camt053Parser.Chunk chunk = take();
            if (chunk instanceof Camt053Parser.Entries entries) {
                batch = entries.entries();
                index = 0;
            } else if (chunk instanceof Camt053Parser.End end) {
                ended = true;
                failure = end.failure();
            }
        }
        return true;
    }

    @Override
    public BankEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(index++);
    }

    /** Stops the parsing thread if it is still running, and waits until it has closed the file. */
    @Override
    public void close() {
        parser.cancel();
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // the file must be closed before the caller moves it: wait on, keep the interrupt
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Camt053Parser.Chunk take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a camt.053 statement", e);
        }
    }

    /** A failure of the parsing thread, rethrown as it was (a refusal stays a refusal). */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
