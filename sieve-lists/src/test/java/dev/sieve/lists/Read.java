package dev.sieve.lists;

import dev.sieve.model.Entity;
import dev.sieve.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: reads a list from the shared data into memory. */
record Read(ReadResult result, Map<String, Entity> entities) {
    static Read shared(String relative) throws IOException {
        return path(SharedData.list(relative));
    }

    static Read path(Path path) throws IOException {
        ListInput input = FormatDetector.input(path);
        List<Entity> out = new ArrayList<>();
        ReadResult r = ListReader.forFormat(input.format()).read(input, out::add);
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Entity e : out) byId.put(e.id(), e);
        return new Read(r, byId);
    }

    Entity get(String id) {
        Entity e = entities.get(id);
        if (e == null) throw new AssertionError("no entity " + id);
        return e;
    }
}
