package dev.sieve.store;

/** The actor may see the thing but not change it (another agency's shared entry). */
public class ForbiddenException extends StoreException {
    public ForbiddenException(String message) {
        super(message, null);
    }
}
