package dev.sieve.store;

/** A change addressed to something that does not exist (or that the actor may not know exists). */
public class NotFoundException extends StoreException {
    public NotFoundException(String message) {
        super(message, null);
    }
}
