package dev.sieve.lists;

/**
 * A record the reader rejected, with where it is: the file, the place in it (line, element path),
 * and the record's id when it could be read.
 */
public record Problem(String file, String place, String recordId, String message) {
    @Override
    public String toString() {
        return file + ": " + place + (recordId != null ? " [record " + recordId + "]" : "") + ": " + message;
    }
}
