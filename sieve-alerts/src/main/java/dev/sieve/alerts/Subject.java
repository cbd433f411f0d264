package dev.sieve.alerts;

import java.time.Instant;

/**
 * A subject an agency monitors, in its current version. Deleting one stops its monitoring ({@code active}
 * false) and keeps it with its history and alerts.
 */
public record Subject(String agency, String externalId, int version, boolean active, SubjectData data,
                      String fingerprint, Instant createdAt, Instant updatedAt) {
}
