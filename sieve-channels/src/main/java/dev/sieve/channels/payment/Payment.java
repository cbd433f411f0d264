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
 */
public record Payment(String message, String format, String reference, List<Party> parties, List<Text> texts,
                      String problem) {

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
        return new Payment(message, format, null, List.of(), List.of(), problem);
    }
}
