package vn.gov.bus.connectors.feeds;

import vn.gov.bus.reconciliation.Payment;

/** The rules of one payment, shared by the CSV and JSON layouts. */
final class PaymentFields {

    private PaymentFields() {
    }

    static Payment payment(long line, String dossier, String fee, String amount, String payer, String channel,
                           String reference, String paidAt, String account, DossierCodes dossierCodes) {
        String dossierCode = Fields.required(dossier, line, "dossier_code", 64);
        if (!dossierCodes.matches(dossierCode)) {
            throw FeedRejectedException.field(line, "dossier_code", "'%s' không đúng dạng mã hồ sơ / '%s' is not a dossier code"
                    .formatted(dossierCode, dossierCode));
        }
        return new Payment(line, dossierCode, Fields.required(fee, line, "fee_code", 32).intern(),
                Fields.vnd(amount, line, "amount"), Fields.required(payer, line, "payer", 200),
                Fields.required(channel, line, "channel", 32).intern(), Fields.optional(reference, line, "reference", 64),
                Fields.instant(paidAt, line, "paid_at"),
                Fields.required(account, line, "beneficiary_account", 34).intern());
    }
}
