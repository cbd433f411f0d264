package dev.sieve.cli;

import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.nio.file.Path;

/** Opens the databank the global options point at. */
final class Databank {
    private Databank() {
    }

    static SieveStore open(SieveCommand root) {
        StoreConfig external = external(root.db, System::getenv);
        // the audit trail's checkpoints live with the operator's files, outside the database
        if (external != null) return SieveStore.open(external).sealIn(dataDir(root));
        Path dir = dataDir(root);
        if (root.data != null && !java.nio.file.Files.isDirectory(root.data)) {
            // a mistyped --data must not quietly start an empty databank
            if (java.nio.file.Files.exists(root.data)) throw new UserException("--data " + root.data + ": is a file, not a folder");
            if (!root.create) {
                throw new UserException("--data " + root.data + ": no such folder; to start a new databank there, add --create");
            }
        }
        return SieveStore.open(StoreConfig.h2(dir)).sealIn(dir);
    }

    /**
     * The databank at a JDBC URL, from {@code --db} or {@code $SIEVE_DB}; null for the embedded one. The password
     * may stay off the command line (where {@code ps} shows it): {@code $SIEVE_DB_PASSWORD_FILE} names a file
     * holding it (a mounted secret), or {@code $SIEVE_DB_PASSWORD} holds it; {@code $SIEVE_DB_USER} gives the user.
     */
    static StoreConfig external(String db, java.util.function.Function<String, String> env) {
        String url = db != null ? db : blankToNull(env.apply("SIEVE_DB"));
        if (url == null) return null;
        String password = blankToNull(env.apply("SIEVE_DB_PASSWORD"));
        String file = blankToNull(env.apply("SIEVE_DB_PASSWORD_FILE"));
        if (file != null) {
            try {
                password = java.nio.file.Files.readString(Path.of(file)).strip();
            } catch (java.io.IOException e) {
                throw new UserException("SIEVE_DB_PASSWORD_FILE " + file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return new StoreConfig(url, blankToNull(env.apply("SIEVE_DB_USER")), password);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Path dataDir(SieveCommand root) {
        if (root.data != null) return root.data;
        String env = System.getenv("SIEVE_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".sieve");
    }
}
