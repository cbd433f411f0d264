package dev.sieve.channels.payment;

import java.util.List;

/**
 * One payment read from a message: the parties, their agents' BICs and the free-text fields, whatever
 * the format (ISO 20022 pacs.008 / pain.001 transaction, or SWIFT MT103).
 *
 * @param message the message's id ({@code MsgId}, or MT field 20) and, for several payments in one
 *                message, the transaction's position
 * @param reference the transaction's own reference (EndToEndId, InstrId) when there is one
 * @param problem why this payment could not be read in full, or null
 * @param amount its value date, currency and amount, as far as the message gives them
 */
public record Payment(String message, String format, String reference, List<Party> parties, List<Text> texts,
                      String problem, Amount amount) {
    /**
     * What is paid and when: the settlement or requested execution date (pacs.008 IntrBkSttlmDt, pain.001
     * ReqdExctnDt, MT103 32A), the currency and the amount; each null when the message does not say it.
     */
    public record Amount(java.time.LocalDate valueDate, String currency, java.math.BigDecimal value) {
        public static final Amount UNKNOWN = new Amount(null, null, null);
    }

    /** The same payment with other parties (the initiating party added to a message's first payment). */
    public Payment withParties(List<Party> others) {
        return new Payment(message, format, reference, others, texts, problem, amount);
    }

    /**
     * A party or agent.
     *
     * @param role the element or field it came from: {@code Dbtr}, {@code UltmtCdtr}, {@code DbtrAgt},
     *             {@code 50K}, {@code 57A}...
     * @param name the name, or null (agents known only by BIC)
     * @param bic the BIC when given
     * @param country ISO alpha-2 of the postal address, when given
     */
    public record Party(String role, String name, String bic, String country, List<String> address) {
    }

    /** A free-text field: remittance information, MT fields 70 and 72. */
    public record Text(String field, String text) {
    }

    public static Payment unreadable(String message, String format, String problem) {
        return new Payment(message, format, null, List.of(), List.of(), problem, Amount.UNKNOWN);
    }
}
