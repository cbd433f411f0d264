package dev.sieve.bench;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.model.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads lists straight from files for benchmarks (no databank), later files replacing earlier ids. */
final class BenchLists {
    private BenchLists() {
    }

    static List<Entity> read(List<Path> paths) throws IOException {
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Path p : paths) {
            for (ListInput input : FormatDetector.find(p).inputs()) {
                List<Entity> out = new ArrayList<>();
                ListReader.forFormat(input.format()).read(input, out::add);
                for (Entity e : out) byId.put(e.id(), e);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
