package dev.sieve.alerts;

import java.time.Instant;

/**
 * One alert: a subject of an agency (or a payment, or a traveller) against one listed entity.
 *
 * @param origin what was screened: {@code monitoring} (a monitored subject)
 * @param round the how-many-th alert of this subject and entity (a new one after a closed one when either side changed)
 * @param subjectFingerprint what of the subject was compared ({@link SubjectData#fingerprint})
 * @param entityFingerprint the listed entity's content hash, as the databank stores it
 * @param version the ETag: it changes with every change of state, assignment or proposal
 * @param proposal a closing decision proposed under four eyes and not yet confirmed, or null
 * @param previousAlert the earlier alert of the same pair, closed, that this one follows (either side changed since)
 * @param detail the match as JSON (score, explanation, the entity's list) and the publications screened against
 */
public record Alert(long seq, String id, String agency, String origin, String subjectId, String entityId,
                    String entityName, String entitySource, int round, String subjectFingerprint,
                    String entityFingerprint, double score, AlertState state, int version, String assignee,
                    Proposal proposal, String decidedBy, String decisionReason, Instant decidedAt,
                    String previousAlert, Long runId, String detail, Instant createdAt, Instant updatedAt) {

    /**
     * What an alert is and where it stands, in the snake_case names every view of it shares (the API, a webhook's
     * payload, the command line's JSON), in order; each view adds what it shows besides.
     */
    public java.util.Map<String, Object> summary() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("source", origin);
        m.put("subject", subjectId);
        m.put("entity_id", entityId);
        m.put("entity_name", entityName);
        m.put("list", entitySource);
        m.put("score", score);
        m.put("state", state.label());
        m.put("version", version);
        return m;
    }

    /** A closing decision waiting for a second analyst. */
    public record Proposal(Decision decision, String by, String reason, Instant at) {
    }
}
