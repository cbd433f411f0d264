package dev.sieve.alerts;

import dev.sieve.model.Match;

/**
 * A match that may become an alert: what was screened (origin and id, as the agency knows it, and the
 * fingerprint of what was compared) and the listed entity found, with its content hash.
 *
 * @param publications the publications screened against, as JSON
 */
public record Hit(String origin, String subjectId, String subjectFingerprint, Match match, String entityFingerprint,
                  String publications) {
}
