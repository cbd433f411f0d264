package dev.sieve.model;

import java.time.Instant;

/**
 * A person of interest (or organisation, vessel...) a member agency contributed to the shared databank:
 * the same entity model as the lists, plus who owns it, who may see it and why it is there.
 *
 * @param entity the entity; its id is {@code db:<agency>:<n>} and its source {@code db:<agency>}
 * @param version 1 on creation, +1 on every update or delisting (the ETag for optimistic concurrency)
 * @param delisted whether the owner has delisted it (kept with its history, never screened)
 */
public record DatabankEntry(Entity entity, String agency, int version, boolean delisted, Sharing sharing,
                            String reason, Instant createdAt, Instant updatedAt) {

    public String id() {
        return entity.id();
    }

    public boolean visibleTo(String viewer) {
        return sharing.visibleTo(agency, viewer);
    }

    public static String sourceOf(String agency) {
        return "db:" + agency;
    }

    /** Whether an entity id or source names the databank rather than an official list. */
    public static boolean isDatabank(String idOrSource) {
        return idOrSource != null && idOrSource.startsWith("db:");
    }
}
