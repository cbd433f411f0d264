package dev.sieve.parties;

import dev.sieve.model.Entity;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The listings the rules look at, by id. */
public final class Listings {
    private final Map<String, Entity> byId = new LinkedHashMap<>();

    public Listings(Collection<Entity> entities) {
        for (Entity e : entities) byId.put(e.id(), e);
    }

    public Entity get(String id) {
        return byId.get(id);
    }

    public Collection<Entity> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
