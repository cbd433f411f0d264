package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The databank's URL and password from the environment or a secret file, never needed on the command line. */
class DatabankCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordProtectedDatabankOpensWithThePasswordFromAFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath();
        // a database whose owner has a password: opening it needs that password
        try (SieveStore created = SieveStore.open(new StoreConfig(url, "owner", "s3cret pass"))) {
            assertThat(created.publications(null)).isEmpty();
        }
        Path secret = Files.writeString(dir.resolve("db-password"), "s3cret pass\n");
        Map<String, String> env = Map.of("SIEVE_DB", url, "SIEVE_DB_USER", "owner", "SIEVE_DB_PASSWORD_FILE", secret.toString());
        StoreConfig fromEnv = Databank.external(null, env::get);
        assertThat(fromEnv.password()).isEqualTo("s3cret pass");
        try (SieveStore opened = SieveStore.open(fromEnv)) {
            assertThat(opened.publications(null)).isEmpty();
        }
        // --db wins over $SIEVE_DB; no URL at all means the embedded databank
        assertThat(Databank.external("jdbc:postgresql://127.0.0.1/x", env::get).jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/x");
        assertThat(Databank.external(null, Map.<String, String>of()::get)).isNull();
        Map<String, String> missing = Map.of("SIEVE_DB", url, "SIEVE_DB_PASSWORD_FILE", dir.resolve("nosuch").toString());
        assertThatThrownBy(() -> Databank.external(null, missing::get)).hasMessageContaining("SIEVE_DB_PASSWORD_FILE")
                .hasMessageContaining("nosuch");
        Map<String, String> wrong = Map.of("SIEVE_DB", url, "SIEVE_DB_USER", "owner", "SIEVE_DB_PASSWORD", "guess");
        assertThatThrownBy(() -> SieveStore.open(Databank.external(null, wrong::get))).hasMessageContaining("password");
    }
}
