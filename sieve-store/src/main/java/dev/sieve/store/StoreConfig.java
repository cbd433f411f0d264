package dev.sieve.store;

import java.nio.file.Path;

/**
 * Where the databank lives: an embedded H2 file database in a data directory (the default), or any
 * JDBC URL (PostgreSQL for the service).
 */
public record StoreConfig(String jdbcUrl, String user, String password) {

    /**
     * The embedded default: {@code <dataDir>/sieve.mv.db}. AUTO_SERVER lets a second process (say
     * {@code sieve admin create-key} while {@code sieve serve} runs) share it through the first one.
     * WRITE_DELAY=0 writes every commit to the file before it returns: H2's default holds commits in
     * memory for up to half a second, so a killed process would lose changes it had acknowledged (see also
     * {@code DurabilityBarrier}). The folder is private to its owner and the database has a random password
     * kept in it ({@code EmbeddedDatabank}): the folder is created here when missing.
     */
    public static StoreConfig h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("sieve");
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        return new StoreConfig(url, EmbeddedDatabank.USER, EmbeddedDatabank.prepare(dataDir.toAbsolutePath(), url));
    }

    /** The folder of an embedded H2 file databank, or null for any other database. */
    Path embeddedFolder() {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) return null;
        String path = jdbcUrl.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        Path file = Path.of(semicolon < 0 ? path : path.substring(0, semicolon));
        return file.toAbsolutePath().getParent();
    }

    /** A JDBC URL; user and password may also be given in the URL itself. */
    public static StoreConfig jdbc(String url) {
        return new StoreConfig(url, null, null);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
