package dev.sieve.store;

/** A change that contradicts the current state: a taken id, or a stale version (optimistic concurrency). */
public class ConflictException extends StoreException {
    public ConflictException(String message) {
        super(message, null);
    }
}
