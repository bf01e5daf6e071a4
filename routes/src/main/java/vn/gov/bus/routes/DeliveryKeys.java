package vn.gov.bus.routes;

import vn.gov.bus.core.edxml.EdocPackage;

/**
 * What identifies a package for de-duplication. A document is its DocumentId; a status package
 * has no id of its own, so it is the answered document, the status code and the status time.
 */
public final class DeliveryKeys {

    private DeliveryKeys() {
    }

    public static String documentIdOf(EdocPackage p) {
        return p.kind() == EdocPackage.Kind.STATUS ? p.respondedDocumentId() : p.documentId();
    }

    public static String dedupKeyOf(EdocPackage p) {
        if (p.kind() == EdocPackage.Kind.STATUS) {
            return "status:" + p.respondedDocumentId() + "#" + p.statusCode() + "@" + p.statusTimestamp();
        }
        return p.documentId();
    }
}
