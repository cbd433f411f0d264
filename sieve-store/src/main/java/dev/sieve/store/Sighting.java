package dev.sieve.store;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A confirmed sighting of a listed person on a flight: which entity, which flight, from where to where
 * and when (local times as the manifest gives them), the document used, who confirmed it and when.
 */
public record Sighting(long id, String entityId, String agency, String keyId, String flight, String from,
                       LocalDateTime departure, String to, LocalDateTime arrival, String document,
                       String travellerName, String note, Instant recordedAt) {
}
