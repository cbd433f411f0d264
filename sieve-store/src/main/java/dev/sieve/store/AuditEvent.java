package dev.sieve.store;

import java.time.Instant;

/**
 * One event of the audit trail. {@code hash} is the SHA-256 of the previous event's hash and this
 * event's fields, so changing, removing or inserting any event breaks every hash after it.
 *
 * @param detail the event's JSON document (the query and result ids of a screening, the new state and
 *               reason of a change)
 * @param subjectAgency the agency the event concerns when it is not the actor's, or null
 */
public record AuditEvent(long seq, Instant at, String agency, String keyId, String action, String target,
                         String detail, String prevHash, String hash, String subjectAgency, String requestId) {
    public AuditEvent(long seq, Instant at, String agency, String keyId, String action, String target, String detail,
                      String prevHash, String hash, String subjectAgency) {
        this(seq, at, agency, keyId, action, target, detail, prevHash, hash, subjectAgency, null);
    }
}
