package vn.gov.bus.connectors.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * Parses a camt.053.001.02 file once, validating it against the unmodified ISO schema in the same
 * pass: the schema is set on the SAX parser, so its validator is a stage of the parser's own
 * pipeline and every event reaches {@link Camt053Handler} only once it has been validated. Runs
 * on its own thread and hands its results to the reading thread through a bounded queue, in
 * batches (one hand-over per thousand entries, not per entry), so that validating and parsing on
 * one core overlaps with reconciling on the other, and memory stays bounded by the queue.
 *
 * <p>The last chunk is always an {@link End}: the file is accepted only by an {@code End} without a
 * failure, which comes after the last byte has been validated. DTDs are refused (so no entity of
 * any kind is expanded), no external DTD or schema is fetched, the element depth is bounded.
 */
final class Camt053Parser implements Runnable {

    /** What the parsing thread hands over, in order: a header, entries, and one end. */
    sealed interface Chunk permits Header, Entries, End {
    }

    record Header(String account, LocalDate day) implements Chunk {
    }

    record Entries(List<BankEntry> entries) implements Chunk {
    }

    /** The file was read to its end; {@code failure} is null if and only if it is accepted. */
    record End(Throwable failure) implements Chunk {
    }

    static final int BATCH = 1024;
    private static final Schema SCHEMA = schema();

    private final Path file;
    private final ZoneId zone;
    private final DossierCodes dossierCodes;
    private final BlockingQueue<Chunk> chunks;
    private volatile boolean cancelled;
    private List<BankEntry> batch = new ArrayList<>(BATCH);

    Camt053Parser(Path file, DossierCodes dossierCodes, ZoneId zone, BlockingQueue<Chunk> chunks) {
        this.file = file;
        this.zone = zone;
        this.dossierCodes = dossierCodes;
        this.chunks = chunks;
    }

    /** The reader gave up (closed early): stop at the next hand-over. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        Throwable failure;
        try {
            failure = parse();
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException | Error e) {
            // handed over, not swallowed: the reading thread rethrows it (it would wait forever otherwise)
            failure = e;
        }
        try {
            send(new End(failure));
        } catch (Cancelled e) {
            // nobody is waiting for the end any more
        }
    }

    /** The reason to refuse the file, or null once all of it is valid and every entry was handed over. */
    private Throwable parse() {
        Camt053Handler handler = new Camt053Handler(zone, dossierCodes, new Camt053Handler.Sink() {
            @Override
            public void header(String account, LocalDate day) {
                send(new Header(account, day));
            }

            @Override
            public void entry(BankEntry entry) {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    flush();
                }
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            newParser().parse(new InputSource(in), handler);
        } catch (SAXParseException e) {
            return schemaError(e);
        } catch (SAXException e) {
            return new FeedRejectedException(isDtd(e) ? "DTD_FORBIDDEN" : "SCHEMA", "camt.053: " + e.getMessage());
        } catch (IOException e) {
            return new UncheckedIOException(e);
        } catch (FeedRejectedException e) {
            return e; // too deep
        }
        if (handler.broken() != null) {
            return handler.broken();
        }
        flush();
        return null;
    }

    private void flush() {
        if (!batch.isEmpty()) {
            send(new Entries(batch));
            batch = new ArrayList<>(BATCH);
        }
    }

    private void send(Chunk chunk) {
        if (cancelled) {
            throw new Cancelled();
        }
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            // only the reader's close() interrupts this thread
            throw new Cancelled();
        }
    }

    private static FeedRejectedException schemaError(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        return new FeedRejectedException(isDtd(e) ? "DTD_FORBIDDEN" : "SCHEMA",
                ("Tệp camt.053 không hợp lệ theo lược đồ ISO 20022 camt.053.001.02 tại dòng %d, cột %d: %s"
                        + " / the camt.053 file is invalid against the ISO 20022 camt.053.001.02 schema at line %d,"
                        + " column %d: %s").formatted(e.getLineNumber(), e.getColumnNumber(), message,
                        e.getLineNumber(), e.getColumnNumber(), message));
    }

    private static boolean isDtd(SAXException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("doctype");
    }

    private static SAXParser newParser() {
        try {
            // the JDK's own parser: the schema below is the JDK's, so its validator joins the pipeline
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setSchema(SCHEMA);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // ≈ 20 % of the validator's time on a million entries, and neither changes what is accepted:
            // nobody reads the post-validation infoset, and the ISO schema declares no xs:key,
            // xs:unique or xs:keyref (Camt053ReaderTest checks it) for identity checking to check
            parser.getXMLReader().setFeature("http://apache.org/xml/features/validation/schema/augment-psvi", false);
            parser.getXMLReader().setFeature("http://apache.org/xml/features/validation/identity-constraint-checking", false);
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser does not support secure processing", e);
        }
    }

    private static Schema schema() {
        URL xsd = Camt053Parser.class.getClassLoader().getResource("camt/camt.053.001.02.xsd");
        if (xsd == null) {
            throw new IllegalStateException("camt/camt.053.001.02.xsd is not on the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the camt.053 schema", e);
        }
    }

    /** The reader closed before the end; unwinds the parse without a stack trace. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("camt.053 reading cancelled", null, false, false);
        }
    }
}
