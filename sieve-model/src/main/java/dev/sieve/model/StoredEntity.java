package dev.sieve.model;

/**
 * An entity as the databank knows it: the record from a given publication, with its history.
 *
 * @param entity the record as published in {@code publication}
 * @param publication the publication this version of the record comes from
 * @param firstSeen the first publication of its source that listed it
 * @param lastSeen the latest publication of its source that listed it
 * @param delisted true when the latest publication of its source no longer lists it
 */
public record StoredEntity(Entity entity, Publication publication, Publication firstSeen, Publication lastSeen,
                           boolean delisted) {
}
