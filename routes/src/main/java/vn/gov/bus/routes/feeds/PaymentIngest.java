package vn.gov.bus.routes.feeds;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Locale;
import vn.gov.bus.connectors.feeds.DossierCodes;
import vn.gov.bus.connectors.feeds.FeedRejectedException;
import vn.gov.bus.connectors.feeds.PaymentCsvReader;
import vn.gov.bus.connectors.feeds.PaymentJsonReader;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.store.PaymentStore;

/** The portal's payment export arrived: store every payment (all or none) until a statement settles it. */
public class PaymentIngest implements FeedHandler {

    private final PaymentStore payments;
    private final DossierCodes dossierCodes;

    public PaymentIngest(PaymentStore payments, DossierCodes dossierCodes) {
        this.payments = payments;
        this.dossierCodes = dossierCodes;
    }

    @Override
    public String handle(FeedFile file) throws Exception {
        String lower = file.name().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file.local())) {
            Iterator<Payment> rows;
            if (lower.endsWith(".csv")) {
                rows = new PaymentCsvReader(in, dossierCodes);
            } else if (lower.endsWith(".json")) {
                rows = new PaymentJsonReader(in, dossierCodes);
            } else {
                throw new FeedRejectedException("FORMAT", "Tệp giao dịch phải là .csv hoặc .json / a payment export must be"
                        + " .csv or .json: " + file.name());
            }
            long stored = payments.insert(file.id(), rows);
            return stored + " payments stored";
        }
    }
}
