package vn.gov.bus.app.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.certificates.CertificateInventory;

/**
 * The bus's own keys, trust anchors and CRL files with their expiry (read-only). Certificates are
 * public: subjects, issuers and serials are shown; no private key material ever leaves the inventory.
 */
@RestController
@RequestMapping("/api/admin/certificates")
public class CertificatesController {

    private final CertificateInventory inventory;

    public CertificatesController(CertificateInventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    public CertificateInventory.Report certificates() {
        return inventory.report();
    }
}
