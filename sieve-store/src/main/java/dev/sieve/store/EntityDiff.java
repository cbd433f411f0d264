package dev.sieve.store;

import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import java.util.List;

/**
 * What changed in a source between two of its publications.
 *
 * @param added entities the later publication lists and the earlier did not
 * @param removed entities the earlier publication listed and the later does not (delisted)
 * @param changed entities in both whose content differs, with the fields that changed
 */
public record EntityDiff(Publication from, Publication to, List<Entity> added, List<Entity> removed,
                         List<Change> changed) {

    /** One entity present in both publications, in two different versions. */
    public record Change(String id, String name, List<FieldChange> fields) {
    }

    /** One field of the entity model, before and after. */
    public record FieldChange(String field, Object before, Object after) {
    }
}
