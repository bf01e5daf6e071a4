package vn.gov.bus.connectors.registry;

import java.time.LocalDate;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import vn.gov.bus.schemas.registry.Address;
import vn.gov.bus.schemas.registry.BusinessLine;
import vn.gov.bus.schemas.registry.EnterpriseRecord;
import vn.gov.bus.schemas.registry.EnterpriseStatus;
import vn.gov.bus.schemas.registry.Person;
import vn.gov.bus.schemas.registry.UnitKind;

/** Between the registry's generated types ({@code registry.wsdl}) and {@link Enterprise}. */
public final class RegistryRecords {

    private static final DatatypeFactory DATATYPES = newDatatypeFactory();

    private RegistryRecords() {
    }

    public static Enterprise toEnterprise(EnterpriseRecord r) {
        Address a = r.getAddress();
        Person p = r.getLegalRepresentative();
        List<Enterprise.BusinessLine> lines = r.getBusinessLine().stream()
                .map(l -> new Enterprise.BusinessLine(l.getCode(), l.getName(), l.isMain()))
                .toList();
        return new Enterprise(r.getCode(), Enterprise.UnitKind.valueOf(r.getKind().value()), r.getParentCode(),
                r.getNameVi(), r.getNameEn(), r.getShortName(),
                a == null ? null : new Enterprise.Address(a.getStreet(), a.getWard(), a.getDistrict(), a.getProvince(),
                        a.getFullAddress()),
                p == null ? null : new Enterprise.Representative(p.getFullName(), p.getPosition()),
                r.getLegalFormCode(), r.getLegalFormName(), Enterprise.EnterpriseStatus.valueOf(r.getStatus().value()),
                toDate(r.getRegistrationDate()), toDate(r.getLastChangeDate()), r.getChangeCount(), lines);
    }

    public static EnterpriseRecord toRecord(Enterprise e) {
        EnterpriseRecord r = new EnterpriseRecord();
        r.setCode(e.code());
        r.setKind(UnitKind.fromValue(e.kind().name()));
        r.setParentCode(e.parentCode());
        r.setNameVi(e.nameVi());
        r.setNameEn(e.nameEn());
        r.setShortName(e.shortName());
        Address a = new Address();
        a.setStreet(e.address().street());
        a.setWard(e.address().ward());
        a.setDistrict(e.address().district());
        a.setProvince(e.address().province());
        a.setFullAddress(e.address().fullAddress());
        r.setAddress(a);
        Person p = new Person();
        p.setFullName(e.legalRepresentative().fullName());
        p.setPosition(e.legalRepresentative().position());
        r.setLegalRepresentative(p);
        r.setLegalFormCode(e.legalFormCode());
        r.setLegalFormName(e.legalFormName());
        r.setStatus(EnterpriseStatus.fromValue(e.status().name()));
        r.setRegistrationDate(toXml(e.registrationDate()));
        r.setLastChangeDate(toXml(e.lastChangeDate()));
        r.setChangeCount(e.changeCount());
        for (Enterprise.BusinessLine line : e.businessLines()) {
            BusinessLine l = new BusinessLine();
            l.setCode(line.code());
            l.setName(line.name());
            l.setMain(line.main());
            r.getBusinessLine().add(l);
        }
        return r;
    }

    public static LocalDate toDate(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    public static XMLGregorianCalendar toXml(LocalDate value) {
        return value == null ? null : DATATYPES.newXMLGregorianCalendarDate(value.getYear(), value.getMonthValue(),
                value.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    private static DatatypeFactory newDatatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK provides a DatatypeFactory", e);
        }
    }
}
