package dev.sieve.channels.travel;

/** A file that is not a PAXLST manifest Sieve reads, naming the message and segment. */
public class ManifestFormatException extends RuntimeException {
    public ManifestFormatException(String message) {
        super(message);
    }
}
