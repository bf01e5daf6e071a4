package vn.gov.bus.routes;

import vn.gov.bus.core.edxml.EdocPackage;

/**
 * What identifies a package for de-duplication. A document is its DocumentId; a status package
 * has no id of its own, so it is the answered document, the status code and the status time.
 * A revocation, update or replacement often repeats the DocumentId of the document it is about
 * (producers copy the original header and change Bussiness/BussinessDocType), so its key adds
 * the business type: otherwise it would be taken for a second copy of the original and dropped.
 */
public final class DeliveryKeys {

    private DeliveryKeys() {
    }

    public static String documentIdOf(EdocPackage p) {
        return p.kind() == EdocPackage.Kind.STATUS ? p.respondedDocumentId() : p.documentId();
    }

    public static String dedupKeyOf(EdocPackage p) {
        return dedupKeyOf(p, documentIdOf(p));
    }

    /** The key of a package whose DocumentId (for a status: the answered one) was resolved elsewhere. */
    public static String dedupKeyOf(EdocPackage p, String documentId) {
        if (p.kind() == EdocPackage.Kind.STATUS) {
            return "status:" + documentId + "#" + p.statusCode() + "@" + p.statusTimestamp();
        }
        return switch (p.businessDocType()) {
            case 0 -> p.documentId();
            case 1 -> p.documentId() + "#revoke";
            case 2 -> p.documentId() + "#update";
            case 3 -> p.documentId() + "#replace";
            default -> p.documentId() + "#business-" + p.businessDocType();
        };
    }
}
