package dev.sieve.databank;

import java.util.List;

/**
 * Files of a format that carries no publication date (OFAC's legacy CSV) were given no date. Publications
 * are ordered by their dates, so Sieve never guesses one: nothing was loaded.
 */
public final class UndatedPublicationException extends RuntimeException {
    private final List<String> files;

    public UndatedPublicationException(List<String> files) {
        super(message(files));
        this.files = List.copyOf(files);
    }

    public List<String> files() {
        return files;
    }

    private static String message(List<String> files) {
        return String.join(", ", files) + (files.size() == 1 ? " carries" : " carry")
                + " no publication date, and none was given; nothing was loaded. Publications are ordered by"
                + " their dates, so Sieve does not guess one (a load time would let an older list become the"
                + " current one). Give the date the list was published: --published YYYY-MM-DD for every"
                + " undated file, or --published PATH=YYYY-MM-DD for the files under PATH (repeatable).";
    }
}
