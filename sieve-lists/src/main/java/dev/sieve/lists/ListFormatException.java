package dev.sieve.lists;

/**
 * A file Sieve cannot read at all (not well-formed, truncated, wrong encoding, forbidden DTD, unknown
 * format). The message names the file and the place.
 */
public class ListFormatException extends RuntimeException {
    private final String file;
    private final String place;

    public ListFormatException(String file, String place, String message) {
        this(file, place, message, null);
    }

    public ListFormatException(String file, String place, String message, Throwable cause) {
        super(file + (place != null ? ": " + place : "") + ": " + message, cause);
        this.file = file;
        this.place = place;
    }

    public String file() {
        return file;
    }

    public String place() {
        return place;
    }
}
