package vn.gov.bus.reconciliation;

import java.time.Instant;

/**
 * One fee payment as the public-service portal / payment platform exported it.
 *
 * @param id          stable id: the store's row id, or the line in the export file
 * @param dossierCode mã hồ sơ
 * @param feeCode     mã phí, lệ phí
 * @param amount      whole VND
 * @param payer       who paid
 * @param channel     payment channel (e.g. VNPAY, NAPAS, COUNTER)
 * @param reference   the intermediary's transaction reference, expected back on the bank statement
 * @param paidAt      when the payer paid
 * @param account     the beneficiary account the money was paid into
 */
public record Payment(long id, String dossierCode, String feeCode, long amount, String payer, String channel,
                      String reference, Instant paidAt, String account) {
}
