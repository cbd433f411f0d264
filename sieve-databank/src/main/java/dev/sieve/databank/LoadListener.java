package dev.sieve.databank;

import dev.sieve.lists.ListInput;

/** Progress of a load, for progress bars and log lines. */
public interface LoadListener {
    LoadListener NONE = new LoadListener() { };

    default void reading(ListInput input) {
    }

    default void read(ListInput input, int records) {
    }

    /** Called after each entity is written (uncommitted) to the store. */
    default void stored(ListInput input, int storedSoFar) {
    }
}
