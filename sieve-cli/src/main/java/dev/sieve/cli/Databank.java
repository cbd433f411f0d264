package dev.sieve.cli;

import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.nio.file.Path;

/** Opens the databank the global options point at. */
final class Databank {
    private Databank() {
    }

    static SieveStore open(SieveCommand root) {
        if (root.db != null) {
            return SieveStore.open(StoreConfig.jdbc(root.db));
        }
        return SieveStore.open(StoreConfig.h2(dataDir(root)));
    }

    static Path dataDir(SieveCommand root) {
        if (root.data != null) return root.data;
        String env = System.getenv("SIEVE_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".sieve");
    }
}
