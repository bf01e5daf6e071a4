package vn.gov.bus.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a bank statement, as the reconciliation needs it, whatever the feed's format
 * (camt.053 {@code Ntry} or a line of the CSV layout).
 *
 * @param line         where it was in the file (line of the CSV, ordinal of the {@code Ntry}), for the report
 * @param bankRef      the bank's own reference of the entry (camt {@code AcctSvcrRef}); may be null
 * @param reference    the payment intermediary's transaction reference carried by the transfer
 *                     (camt {@code EndToEndId}); null when the bank did not pass it on
 * @param amount       whole VND
 * @param credit       false for debits (transfers out of the collection account), which are not fee payments
 * @param bookingDate  the day the bank booked it
 * @param bookedAt     the booking time when the bank gives one, else null
 * @param remittance   the free text the payer or intermediary wrote (camt {@code Ustrd})
 * @param dossierCode  the dossier code found in the remittance text, or null
 */
public record BankEntry(long line, String bankRef, String reference, long amount, boolean credit,
                        LocalDate bookingDate, Instant bookedAt, String remittance, String dossierCode) {
}
