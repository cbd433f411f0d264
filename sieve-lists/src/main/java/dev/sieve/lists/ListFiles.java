package dev.sieve.lists;

import dev.sieve.model.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads list files straight into memory, without a databank (screening against files given on the
 * command line, benchmarks). A later file's record replaces an earlier one with the same id.
 */
public final class ListFiles {
    private ListFiles() {
    }

    public static List<Entity> read(List<Path> paths) throws IOException {
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Path p : paths) {
            for (ListInput input : FormatDetector.find(p).inputs()) {
                ListReader.forFormat(input.format()).read(input, e -> byId.put(e.id(), e));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
