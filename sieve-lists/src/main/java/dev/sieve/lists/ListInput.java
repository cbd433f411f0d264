package dev.sieve.lists;

import java.nio.file.Path;
import java.util.List;

/**
 * The files that make up one publication of one list, with the format they were detected as.
 * Most formats are one file; an OFAC legacy CSV set is {@code sdn.csv} plus its companion files.
 */
public record ListInput(ListFormat format, Path main, List<Path> companions) {
    public ListInput {
        companions = List.copyOf(companions);
    }

    /** Every file of the publication, main file first (the order the content hash is taken in). */
    public List<Path> files() {
        var all = new java.util.ArrayList<Path>();
        all.add(main);
        all.addAll(companions);
        return all;
    }

    public String name() {
        return main.getFileName().toString();
    }
}
