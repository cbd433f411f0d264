package dev.sieve.store;

/** An update named a version that is no longer the current one: somebody else changed the entry first. */
public class StaleVersionException extends ConflictException {
    private final int currentVersion;

    public StaleVersionException(String message, int currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
