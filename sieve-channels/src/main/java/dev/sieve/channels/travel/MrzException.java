package dev.sieve.channels.travel;

/** A machine-readable zone that cannot be read, naming the line or field at fault. */
public class MrzException extends RuntimeException {
    public MrzException(String message) {
        super(message);
    }
}
