package dev.sieve.store;

/**
 * A change that contradicts the current state: a taken id, a stale version (optimistic concurrency), a
 * step the state does not allow (deciding a closed alert).
 */
public class ConflictException extends StoreException {
    private final String field;

    public ConflictException(String message) {
        this(message, null);
    }

    /** @param field the request field whose value the state refuses, or null */
    public ConflictException(String message, String field) {
        super(message, null);
        this.field = field;
    }

    /** The request field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
