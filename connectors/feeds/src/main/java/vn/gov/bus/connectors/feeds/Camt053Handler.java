package vn.gov.bus.connectors.feeds;

import java.time.LocalDate;
import java.time.ZoneId;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * Receives the events of a camt.053.001.02 statement <em>after</em> the schema validator (it sits
 * behind it in the parser's pipeline) and picks the few fields reconciliation needs by their
 * path: {@code Stmt/Acct}, {@code Stmt/FrToDt}, {@code Stmt/CreDtTm}, and per {@code Ntry} the
 * fields of {@link Camt053Entry}. Since every event has been validated, the element names at a
 * given depth are those the schema allows there, so the path is all it takes; reading a million
 * entries this way instead of unmarshalling each with JAXB is what brought the reading cost down.
 *
 * <p>A rule of the bus (one {@code Stmt}, VND, whole amounts, a booking date) that is broken is
 * remembered, not thrown: the parse goes on to the end so that a schema error further down still
 * wins, as when the whole file was validated first. Nothing is handed out after such a rule.
 */
final class Camt053Handler extends DefaultHandler {

    /** Where the handler's results go, in document order. */
    interface Sink {
        void header(String account, LocalDate day);

        void entry(BankEntry entry);
    }

    /** The schema's deepest path is far less; a deeper document is refused, not followed. */
    static final int MAX_DEPTH = 32;

    private final ZoneId zone;
    private final Sink sink;
    private final Camt053Entry entry;
    private final String[] path = new String[MAX_DEPTH + 1];
    private final StringBuilder text = new StringBuilder(256);
    private Locator locator;
    private int depth;
    /** depth of the element whose text is being collected, 0 when none */
    private int collecting;
    private int statements;
    private boolean headerSent;
    private String iban;
    private String otherId;
    private String created;
    private String from;
    private FeedRejectedException broken;

    Camt053Handler(ZoneId zone, DossierCodes dossierCodes, Sink sink) {
        this.zone = zone;
        this.sink = sink;
        this.entry = new Camt053Entry(zone, dossierCodes);
    }

    /** The first rule of the bus that the statement breaks, or null. */
    FeedRejectedException broken() {
        return broken;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String name, String qName, Attributes attributes) {
        if (++depth > MAX_DEPTH) {
            throw new FeedRejectedException("TOO_DEEP", "camt.053: độ sâu phần tử vượt %d / element depth exceeds %d"
                    .formatted(MAX_DEPTH, MAX_DEPTH));
        }
        path[depth] = name;
        if (broken != null || depth < 3) {
            return;
        }
        if (depth == 3) {
            if (name.equals("Stmt") && ++statements > 1) {
                long line = locator.getLineNumber();
                broken = new FeedRejectedException("LAYOUT", "Tệp camt.053 phải có đúng một Stmt (một tài khoản, một ngày),"
                        + " có thêm Stmt ở dòng " + line
                        + " / a camt.053 file must hold exactly one Stmt (one account, one day), another starts at line " + line);
            }
            return;
        }
        if (!path[3].equals("Stmt")) {
            return;
        }
        boolean inEntry = path[4].equals("Ntry");
        switch (depth) {
            case 4 -> {
                if (inEntry) {
                    if (!headerSent) {
                        header();
                    }
                    entry.start(locator.getLineNumber());
                } else if (name.equals("CreDtTm")) {
                    collect();
                }
            }
            case 5 -> {
                if (inEntry) {
                    if (name.equals("Amt")) {
                        entry.currency(attributes.getValue("Ccy"));
                        collect();
                    } else if (name.equals("CdtDbtInd") || name.equals("Sts") || name.equals("RvslInd")
                            || name.equals("AcctSvcrRef") || name.equals("AddtlNtryInf")) {
                        collect();
                    }
                } else if (path[4].equals("FrToDt") && name.equals("FrDtTm")) {
                    collect();
                }
            }
            case 6 -> {
                boolean booking = inEntry && path[5].equals("BookgDt"); // Dt or DtTm
                if (booking || !inEntry && name.equals("IBAN") && inAccountId()) {
                    collect();
                }
            }
            case 7 -> {
                if (inEntry && name.equals("Refs") && inTransaction()) {
                    entry.refsStart();
                } else if (!inEntry && name.equals("Id") && path[6].equals("Othr") && inAccountId()) {
                    collect();
                }
            }
            case 8 -> {
                if (inEntry && inTransaction() && (path[7].equals("Refs") && (name.equals("EndToEndId") || name.equals("TxId"))
                        || path[7].equals("RmtInf") && name.equals("Ustrd"))) {
                    collect();
                }
            }
            default -> {
                // deeper elements carry nothing reconciliation reads
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting != 0) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String name, String qName) {
        if (broken == null && depth >= 4 && path[3].equals("Stmt")) {
            if (collecting == depth) {
                collecting = 0;
                value(name);
            } else if (depth == 4 && name.equals("Ntry")) {
                try {
                    sink.entry(entry.finish());
                } catch (FeedRejectedException e) {
                    broken = e;
                }
            } else if (depth == 7 && name.equals("Refs") && path[4].equals("Ntry") && inTransaction()) {
                entry.refsEnd();
            }
        } else if (broken == null && depth == 3 && name.equals("Stmt") && !headerSent) {
            header(); // a statement without entries
        }
        depth--;
    }

    /** The text of the element that just ended, by its path. */
    private void value(String name) {
        if (path[4].equals("Ntry")) {
            switch (name) {
                case "Amt" -> entry.amount(text);
                case "CdtDbtInd" -> entry.creditDebit(text);
                case "Sts" -> entry.status(text);
                case "RvslInd" -> entry.reversal(text);
                case "AcctSvcrRef" -> entry.bankRef(text.toString());
                case "AddtlNtryInf" -> entry.additionalInfo(text.toString());
                case "Dt" -> entry.bookingDate(text.toString());
                case "DtTm" -> entry.bookingTime(text.toString());
                case "EndToEndId" -> entry.endToEndId(text.toString());
                case "TxId" -> entry.transactionId(text.toString());
                case "Ustrd" -> entry.unstructured(text.toString());
                default -> throw new IllegalStateException("collected " + name + " without a use");
            }
        } else {
            switch (name) {
                case "CreDtTm" -> created = text.toString();
                case "FrDtTm" -> from = text.toString();
                case "IBAN" -> iban = text.toString();
                case "Id" -> otherId = text.toString();
                default -> throw new IllegalStateException("collected " + name + " without a use");
            }
        }
    }

    /** The statement's account and day, known once everything before the first entry is read. */
    private void header() {
        headerSent = true;
        String account = iban != null ? iban : otherId;
        if (account == null) {
            broken = new FeedRejectedException("LAYOUT",
                    "Stmt/Acct/Id thiếu IBAN hoặc Othr/Id / Stmt/Acct/Id has neither IBAN nor Othr/Id");
            return;
        }
        // FrToDt is optional in the schema; CreDtTm is not
        sink.header(account, Camt053Values.localDate(from != null ? from : created, zone));
    }

    private void collect() {
        collecting = depth;
        text.setLength(0);
    }

    private boolean inAccountId() {
        return path[4].equals("Acct") && path[5].equals("Id");
    }

    private boolean inTransaction() {
        return path[5].equals("NtryDtls") && path[6].equals("TxDtls");
    }

    // A schema error is an error, not a warning: the statement is refused at its first one.
    @Override
    public void error(SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }
}
