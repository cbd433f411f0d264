package dev.sieve.alerts;

import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import java.util.List;

/**
 * A match that may become an alert: what was screened (origin and id, as the agency knows it, and the
 * fingerprint of what was compared) and the listed entity found, with its content hash.
 *
 * @param publications the publications screened against (the alert names those of the entity's list as where it was
 *                     found)
 * @param context where in a payment or manifest the match was found, as a JSON object; null for a subject
 */
public record Hit(String origin, String subjectId, String subjectFingerprint, Match match, String entityFingerprint,
                  List<Publication> publications, String context) {
    public Hit(String origin, String subjectId, String subjectFingerprint, Match match, String entityFingerprint,
               List<Publication> publications) {
        this(origin, subjectId, subjectFingerprint, match, entityFingerprint, publications, null);
    }
}
