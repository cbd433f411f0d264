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
        Path dir = dataDir(root);
        if (root.data != null && !java.nio.file.Files.isDirectory(root.data)) {
            // a mistyped --data must not quietly start an empty databank
            if (java.nio.file.Files.exists(root.data)) throw new UserException("--data " + root.data + ": is a file, not a folder");
            if (!root.create) {
                throw new UserException("--data " + root.data + ": no such folder; to start a new databank there, add --create");
            }
        }
        return SieveStore.open(StoreConfig.h2(dir));
    }

    static Path dataDir(SieveCommand root) {
        if (root.data != null) return root.data;
        String env = System.getenv("SIEVE_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".sieve");
    }
}
