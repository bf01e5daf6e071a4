package vn.gov.bus.connectors.qlvb;

import java.time.Instant;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** xs:dateTime ↔ {@link Instant}; the hub always writes UTC. */
final class XmlDateTimes {

    private static final DatatypeFactory FACTORY = newFactory();

    private XmlDateTimes() {
    }

    static XMLGregorianCalendar toXml(Instant instant) {
        return FACTORY.newXMLGregorianCalendar(instant.toString());
    }

    static Instant toInstant(XMLGregorianCalendar value) {
        return value == null ? null : value.toGregorianCalendar().toInstant();
    }

    private static DatatypeFactory newFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK ships a DatatypeFactory", e);
        }
    }
}
