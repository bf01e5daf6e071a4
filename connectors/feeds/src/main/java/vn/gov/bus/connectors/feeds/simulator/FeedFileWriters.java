package vn.gov.bus.connectors.feeds.simulator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.gov.bus.connectors.feeds.BankCsvReader;
import vn.gov.bus.connectors.feeds.Camt053Reader;
import vn.gov.bus.connectors.feeds.PaymentCsvReader;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Payment;

/**
 * Writers of the feed layouts, as the simulated portal and banks produce them (docs/feeds.md):
 * the payment CSV, the bank statement CSV and camt.053.001.02 (streamed with StAX, in the
 * schema's element order).
 */
public final class FeedFileWriters {

    private FeedFileWriters() {
    }

    /** The portal's payment export, CSV. */
    public static final class PaymentCsv extends CsvLines {
        private final ZoneId zone;

        public PaymentCsv(OutputStream out, ZoneId zone) {
            super(out);
            this.zone = zone;
            line(String.join(",", PaymentCsvReader.HEADER));
        }

        public void write(Payment p) {
            line(String.join(",", p.dossierCode(), p.feeCode(), Long.toString(p.amount()), csv(p.payer()), p.channel(),
                    p.reference() == null ? "" : p.reference(), iso(p.paidAt(), zone), p.account()));
        }
    }

    /** CRLF-terminated UTF-8 lines, buffered: what both CSV layouts write. */
    public abstract static class CsvLines implements Closeable {
        private final BufferedWriter out;

        CsvLines(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        final void line(String text) {
            try {
                out.write(text);
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A bank statement in the bus's CSV layout. */
    public static final class BankCsv extends CsvLines {
        private final String account;
        private final ZoneId zone;

        public BankCsv(OutputStream out, String account, ZoneId zone) {
            super(out);
            this.account = account;
            this.zone = zone;
            line(String.join(",", BankCsvReader.HEADER));
        }

        public void write(BankEntry e) {
            line(String.join(",", account, e.bookingDate().toString(), e.bookedAt() == null ? "" : iso(e.bookedAt(), zone),
                    e.bankRef() == null ? "" : e.bankRef(), e.reference() == null ? "" : e.reference(),
                    Long.toString(e.amount()), e.credit() ? "C" : "D", csv(e.remittance())));
        }
    }

    /** A camt.053.001.02 statement of one account and day. */
    public static final class Camt053 implements Closeable {
        private final XMLStreamWriter xml;
        private final OutputStream stream;
        private final ZoneId zone;

        public Camt053(OutputStream out, String account, LocalDate day, String bankName, ZoneId zone) {
            // the JDK's StAX writer does not buffer: a statement of a million entries needs it
            this.stream = new java.io.BufferedOutputStream(out, 1 << 16);
            this.zone = zone;
            try {
                xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(stream, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("Document");
                xml.writeDefaultNamespace(Camt053Reader.NAMESPACE);
                xml.writeStartElement("BkToCstmrStmt");
                xml.writeStartElement("GrpHdr");
                text("MsgId", "STMT-" + account + "-" + day);
                text("CreDtTm", iso(day.plusDays(1).atTime(6, 0).atZone(zone).toInstant(), zone));
                xml.writeEndElement();
                xml.writeStartElement("Stmt");
                text("Id", account + "-" + day);
                text("CreDtTm", iso(day.plusDays(1).atTime(6, 0).atZone(zone).toInstant(), zone));
                xml.writeStartElement("FrToDt");
                text("FrDtTm", iso(day.atStartOfDay(zone).toInstant(), zone));
                text("ToDtTm", iso(day.atTime(23, 59, 59).atZone(zone).toInstant(), zone));
                xml.writeEndElement();
                xml.writeStartElement("Acct");
                xml.writeStartElement("Id");
                xml.writeStartElement("Othr");
                text("Id", account);
                xml.writeEndElement();
                xml.writeEndElement();
                text("Ccy", "VND");
                xml.writeStartElement("Svcr");
                xml.writeStartElement("FinInstnId");
                text("Nm", bankName);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("Bal");
                xml.writeStartElement("Tp");
                xml.writeStartElement("CdOrPrtry");
                text("Cd", "OPBD");
                xml.writeEndElement();
                xml.writeEndElement();
                amount(0);
                text("CdtDbtInd", "CRDT");
                xml.writeStartElement("Dt");
                text("Dt", day.toString());
                xml.writeEndElement();
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        public void write(BankEntry e) {
            try {
                xml.writeStartElement("Ntry");
                amount(e.amount());
                text("CdtDbtInd", e.credit() ? "CRDT" : "DBIT");
                text("Sts", "BOOK");
                xml.writeStartElement("BookgDt");
                if (e.bookedAt() != null) {
                    text("DtTm", iso(e.bookedAt(), zone));
                } else {
                    text("Dt", e.bookingDate().toString());
                }
                xml.writeEndElement();
                xml.writeStartElement("ValDt");
                text("Dt", e.bookingDate().toString());
                xml.writeEndElement();
                if (e.bankRef() != null) {
                    text("AcctSvcrRef", e.bankRef());
                }
                xml.writeStartElement("BkTxCd");
                xml.writeStartElement("Domn");
                text("Cd", "PMNT");
                xml.writeStartElement("Fmly");
                text("Cd", e.credit() ? "RCDT" : "ICDT");
                text("SubFmlyCd", "DMCT");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("NtryDtls");
                xml.writeStartElement("TxDtls");
                xml.writeStartElement("Refs");
                text("EndToEndId", e.reference() == null ? "NOTPROVIDED" : e.reference());
                xml.writeEndElement();
                if (e.remittance() != null) {
                    xml.writeStartElement("RmtInf");
                    text("Ustrd", e.remittance());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            } catch (XMLStreamException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private void amount(long value) throws XMLStreamException {
            xml.writeStartElement("Amt");
            xml.writeAttribute("Ccy", "VND");
            xml.writeCharacters(Long.toString(value));
            xml.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        @Override
        public void close() {
            try {
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
                stream.close();
            } catch (XMLStreamException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String iso(Instant t, ZoneId zone) {
        return OffsetDateTime.ofInstant(t, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
