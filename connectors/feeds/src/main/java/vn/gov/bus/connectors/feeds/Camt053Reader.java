package vn.gov.bus.connectors.feeds;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.schemas.camt053.AccountStatement2;
import vn.gov.bus.schemas.camt053.CashAccount20;
import vn.gov.bus.schemas.camt053.CreditDebitCode;
import vn.gov.bus.schemas.camt053.DateAndDateTimeChoice;
import vn.gov.bus.schemas.camt053.DateTimePeriodDetails;
import vn.gov.bus.schemas.camt053.EntryDetails1;
import vn.gov.bus.schemas.camt053.EntryStatus2Code;
import vn.gov.bus.schemas.camt053.EntryTransaction2;
import vn.gov.bus.schemas.camt053.ReportEntry2;

/**
 * Reads an ISO 20022 camt.053.001.02 bank-to-customer statement of one account and one day, in
 * two streaming passes over the file: first it is validated against the unmodified ISO schema
 * (so a corrupt or truncated file is refused with the line and column of the first error,
 * before anything is reconciled), then each {@code Ntry} is unmarshalled on its own with the
 * generated JAXB types and handed out. Memory does not grow with the statement.
 *
 * <p>Hostile input: DTDs and external entities are refused by both passes, and the element
 * depth is bounded. The bus's own rules beyond the schema: exactly one {@code Stmt}, amounts in
 * whole VND, a booking date on every entry.
 */
public final class Camt053Reader implements StatementReader {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    private static final JAXBContext JAXB = context();
    private static final Schema SCHEMA = schema();
    private static final int MAX_DEPTH = 32;

    private final Path file;
    private final DossierCodes dossierCodes;
    private final ZoneId zone;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final Unmarshaller unmarshaller;
    private String account;
    private LocalDate day;
    private boolean pendingEntry;
    private int statements;

    public Camt053Reader(Path file, DossierCodes dossierCodes, ZoneId zone) {
        this.file = file;
        this.dossierCodes = dossierCodes;
        this.zone = zone;
        validate(file);
        try {
            this.in = Files.newInputStream(file);
            this.xml = inputFactory().createXMLStreamReader(in);
            this.unmarshaller = JAXB.createUnmarshaller();
            header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException | JAXBException e) {
            throw malformed(e);
        }
    }

    private static void validate(Path file) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator does not support secure processing", e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // not a reason to refuse a statement
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            // the validator's own parser ignores disallow-doctype-decl: parse with one that refuses DTDs
            javax.xml.parsers.SAXParserFactory parsers = javax.xml.parsers.SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            org.xml.sax.XMLReader parser = parsers.newSAXParser().getXMLReader();
            validator.validate(new javax.xml.transform.sax.SAXSource(parser, new org.xml.sax.InputSource(in)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            boolean dtd = message.toLowerCase(java.util.Locale.ROOT).contains("doctype");
            throw new FeedRejectedException(dtd ? "DTD_FORBIDDEN" : "SCHEMA",
                    ("Tệp camt.053 không hợp lệ theo lược đồ ISO 20022 camt.053.001.02 tại dòng %d, cột %d: %s"
                            + " / the camt.053 file is invalid against the ISO 20022 camt.053.001.02 schema at line %d,"
                            + " column %d: %s").formatted(e.getLineNumber(), e.getColumnNumber(), message,
                            e.getLineNumber(), e.getColumnNumber(), message));
        } catch (SAXException e) {
            boolean dtd = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("doctype");
            throw new FeedRejectedException(dtd ? "DTD_FORBIDDEN" : "SCHEMA", "camt.053: " + e.getMessage());
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure processing", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads up to the first entry: the statement's account and day. */
    private void header() throws XMLStreamException, JAXBException {
        int depth = 0;
        String statementCreated = null;
        DateTimePeriodDetails period = null;
        int event = xml.next();
        while (event != XMLStreamConstants.END_DOCUMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth(depth);
                String name = xml.getLocalName();
                if (depth == 3 && name.equals("Stmt")) {
                    statements++;
                } else if (depth == 4 && name.equals("Acct")) {
                    // the unmarshaller leaves the reader on the event after the element's end
                    account = accountId(unmarshaller.unmarshal(xml, CashAccount20.class).getValue());
                    depth--;
                    event = xml.getEventType();
                    continue;
                } else if (depth == 4 && name.equals("FrToDt")) {
                    period = unmarshaller.unmarshal(xml, DateTimePeriodDetails.class).getValue();
                    depth--;
                    event = xml.getEventType();
                    continue;
                } else if (depth == 4 && name.equals("CreDtTm")) {
                    statementCreated = xml.getElementText();
                    depth--;
                } else if (depth == 4 && name.equals("Ntry")) {
                    pendingEntry = true;
                    finishHeader(period, statementCreated);
                    return;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            event = xml.next();
        }
        finishHeader(period, statementCreated);
    }

    private void finishHeader(DateTimePeriodDetails period, String created) {
        if (statements != 1) {
            throw new FeedRejectedException("LAYOUT", "Tệp camt.053 phải có đúng một Stmt (một tài khoản, một ngày), có %d"
                    .formatted(statements) + " / a camt.053 file must hold exactly one Stmt (one account, one day), found " + statements);
        }
        if (account == null) {
            throw new FeedRejectedException("LAYOUT", "Stmt/Acct/Id thiếu IBAN hoặc Othr/Id / Stmt/Acct/Id has neither IBAN nor Othr/Id");
        }
        if (period != null) {
            day = localDate(period.getFrDtTm());
        } else {
            day = localDate(javax.xml.datatype.DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(created));
        }
    }

    private static String accountId(CashAccount20 acct) {
        if (acct.getId() == null) {
            return null;
        }
        if (acct.getId().getIBAN() != null) {
            return acct.getId().getIBAN();
        }
        return acct.getId().getOthr() == null ? null : acct.getId().getOthr().getId();
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
        return pendingEntry;
    }

    @Override
    public BankEntry next() {
        if (!pendingEntry) {
            throw new NoSuchElementException();
        }
        try {
            long line = xml.getLocation().getLineNumber();
            ReportEntry2 entry = unmarshaller.unmarshal(xml, ReportEntry2.class).getValue();
            BankEntry result = toEntry(entry, line);
            pendingEntry = seekNextEntry();
            return result;
        } catch (XMLStreamException | JAXBException e) {
            throw malformed(e);
        }
    }

    /** After an entry: the next sibling Ntry, or false at the end of the statement. */
    private boolean seekNextEntry() throws XMLStreamException {
        int depth = 3; // inside Stmt, after an entry's end
        int event = xml.getEventType();
        while (true) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth(depth + 1);
                if (depth == 4 && xml.getLocalName().equals("Ntry")) {
                    return true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth < 3) {
                    refuseFurtherStatements();
                    return false;
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
            if (!xml.hasNext()) {
                return false;
            }
            event = xml.next();
        }
    }

    /** The schema allows several Stmt per file; the bus takes one account and day per file. */
    private void refuseFurtherStatements() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Stmt")) {
                throw new FeedRejectedException("LAYOUT", "Tệp camt.053 phải có đúng một Stmt (một tài khoản, một ngày),"
                        + " có thêm Stmt ở dòng " + xml.getLocation().getLineNumber()
                        + " / a camt.053 file must hold exactly one Stmt (one account, one day), another starts at line "
                        + xml.getLocation().getLineNumber());
            }
        }
    }

    private BankEntry toEntry(ReportEntry2 e, long line) {
        BigDecimal value = e.getAmt().getValue();
        String currency = e.getAmt().getCcy();
        if (!"VND".equals(currency)) {
            throw entryError(line, "Amt/@Ccy", "tiền tệ phải là VND, là %s / the currency must be VND, is %s"
                    .formatted(currency, currency));
        }
        long amount;
        try {
            amount = value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw entryError(line, "Amt", "%s không phải số đồng nguyên / %s is not a whole number of dong"
                    .formatted(value.toPlainString(), value.toPlainString()));
        }
        DateAndDateTimeChoice booking = e.getBookgDt();
        if (booking == null || (booking.getDt() == null && booking.getDtTm() == null)) {
            throw entryError(line, "BookgDt", "bắt buộc để đối soát / required for reconciliation");
        }
        LocalDate bookingDate;
        Instant bookedAt = null;
        if (booking.getDtTm() != null) {
            bookedAt = instant(booking.getDtTm());
            bookingDate = LocalDate.ofInstant(bookedAt, zone);
        } else {
            bookingDate = LocalDate.of(booking.getDt().getYear(), booking.getDt().getMonth(), booking.getDt().getDay());
        }
        String reference = null;
        List<String> remittance = new ArrayList<>();
        for (EntryDetails1 details : e.getNtryDtls()) {
            for (EntryTransaction2 tx : details.getTxDtls()) {
                if (reference == null && tx.getRefs() != null) {
                    String r = tx.getRefs().getEndToEndId() != null ? tx.getRefs().getEndToEndId() : tx.getRefs().getTxId();
                    // NOTPROVIDED is the ISO convention for "the ordering party gave none"
                    reference = r == null || r.equals("NOTPROVIDED") ? null : r;
                }
                if (tx.getRmtInf() != null) {
                    remittance.addAll(tx.getRmtInf().getUstrd());
                }
            }
        }
        if (remittance.isEmpty() && e.getAddtlNtryInf() != null) {
            remittance.add(e.getAddtlNtryInf());
        }
        String text = remittance.isEmpty() ? null : String.join(" ", remittance);
        boolean credit = e.getCdtDbtInd() == CreditDebitCode.CRDT && e.getSts() == EntryStatus2Code.BOOK
                && !Boolean.TRUE.equals(e.isRvslInd());
        return new BankEntry(line, e.getAcctSvcrRef(), reference, amount, credit, bookingDate, bookedAt, text,
                dossierCodes.find(text));
    }

    private FeedRejectedException entryError(long line, String field, String rule) {
        return new FeedRejectedException("FIELD", "Ntry ở dòng %d, %s: %s / Ntry at line %d, %s: %s"
                .formatted(line, field, rule, line, field, rule));
    }

    private Instant instant(XMLGregorianCalendar c) {
        if (c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            // ISODateTime without an offset: the bank's local time
            return c.toGregorianCalendar().toZonedDateTime().toLocalDateTime().atZone(zone).toInstant();
        }
        return c.toGregorianCalendar().toInstant();
    }

    private LocalDate localDate(XMLGregorianCalendar c) {
        return LocalDate.ofInstant(instant(c), zone);
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new FeedRejectedException("TOO_DEEP", "camt.053: độ sâu phần tử vượt %d / element depth exceeds %d"
                    .formatted(MAX_DEPTH, MAX_DEPTH));
        }
    }

    private FeedRejectedException malformed(Exception e) {
        return new FeedRejectedException("MALFORMED_XML", file.getFileName() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // closing a file we only read cannot lose anything
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(AccountStatement2.class.getPackageName(), Camt053Reader.class.getClassLoader());
        } catch (JAXBException e) {
            throw new IllegalStateException("camt.053 JAXB types are missing", e);
        }
    }

    private static Schema schema() {
        URL xsd = Camt053Reader.class.getClassLoader().getResource("camt/camt.053.001.02.xsd");
        if (xsd == null) {
            throw new IllegalStateException("camt/camt.053.001.02.xsd is not on the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the camt.053 schema", e);
        }
    }
}
