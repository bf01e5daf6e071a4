package vn.gov.bus.connectors.feeds;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import vn.gov.bus.schemas.tax.ObjectFactory;
import vn.gov.bus.schemas.tax.TaxNotice;
import vn.gov.bus.schemas.tax.TaxPaymentConfirmation;

/**
 * Reads tax notices and writes payment confirmations in the bus's tax schema
 * (schemas/.../tax/tax-notice.xsd), validating both ways. No DTD, no external entity; notices
 * are small (a size limit applies before parsing).
 */
public final class TaxNoticeXml {

    public static final long MAX_BYTES = 1024 * 1024;
    private static final JAXBContext JAXB;
    private static final Schema SCHEMA;

    static {
        try {
            JAXB = JAXBContext.newInstance(ObjectFactory.class);
            URL xsd = TaxNoticeXml.class.getClassLoader().getResource("tax/tax-notice.xsd");
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            SCHEMA = factory.newSchema(xsd);
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("cannot load the tax notice schema", e);
        }
    }

    private TaxNoticeXml() {
    }

    public static TaxNotice read(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new FeedRejectedException("TOO_LARGE", "Thông báo thuế %d byte, tối đa %d / the tax notice is %d bytes, at most %d"
                    .formatted(xml.length, MAX_BYTES, xml.length, MAX_BYTES));
        }
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            Unmarshaller u = JAXB.createUnmarshaller();
            u.setSchema(SCHEMA);
            Object root = u.unmarshal(reader);
            if (root instanceof JAXBElement<?> e && e.getValue() instanceof TaxNotice notice) {
                return notice;
            }
            throw new FeedRejectedException("LAYOUT", "Phần tử gốc phải là TaxNotice / the root element must be TaxNotice");
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new FeedRejectedException("SCHEMA", "Thông báo thuế không hợp lệ theo tax-notice.xsd / the tax notice is invalid"
                    + " against tax-notice.xsd: " + cause.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new FeedRejectedException("MALFORMED_XML", "XML không hợp lệ / malformed XML: " + e.getMessage(), e);
        }
    }

    public static byte[] write(TaxPaymentConfirmation confirmation) {
        try {
            Marshaller m = JAXB.createMarshaller();
            m.setSchema(SCHEMA);
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(new ObjectFactory().createTaxPaymentConfirmation(confirmation), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a tax payment confirmation: " + e.getMessage(), e);
        }
    }

    public static byte[] write(TaxNotice notice) {
        try {
            Marshaller m = JAXB.createMarshaller();
            m.setSchema(SCHEMA);
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(new ObjectFactory().createTaxNotice(notice), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a tax notice: " + e.getMessage(), e);
        }
    }
}
