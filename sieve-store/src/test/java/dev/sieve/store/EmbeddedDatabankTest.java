package dev.sieve.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another local user can neither read the embedded databank's files nor log in to it through its port. */
class EmbeddedDatabankTest {
    @TempDir
    Path dir;

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDatabankIsPrivateToItsOwnerAndHasARandomPassword() throws Exception {
        Path data = dir.resolve("data");
        StoreConfig config = StoreConfig.h2(data);
        try (SieveStore store = SieveStore.open(config)) {
            assertThat(store.publications(null)).isEmpty();
            assertThat(perms(data)).isEqualTo("rwx------");
            try (var files = Files.list(data)) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(perms(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
        String password = Files.readString(data.resolve("sieve.password")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(config.password());
        // the empty password of before no longer opens it
        assertThatThrownBy(() -> DriverManager.getConnection(config.jdbcUrl(), "sieve", "").close())
                .hasMessageContaining("password");
        try (SieveStore again = SieveStore.open(StoreConfig.h2(data))) {
            assertThat(again.publications(null)).isEmpty();
        }
    }

    @Test
    void aDatabankFromBeforePasswordsGetsOneAndItsFilesAreMadePrivate() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old"));
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("sieve") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        // a databank as earlier versions made it: user sieve, empty password
        try (SieveStore old = SieveStore.open(new StoreConfig(url, "sieve", ""))) {
            old.agencies().ensureOperator();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("sieve.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (SieveStore store = SieveStore.open(StoreConfig.h2(data))) {
            assertThat(store.agencies().agency("operator")).isPresent();
        }
        assertThat(perms(data)).isEqualTo("rwx------");
        assertThat(perms(data.resolve("sieve.mv.db"))).isEqualTo("rw-------");
        assertThat(perms(data.resolve("sieve.password"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sieve", "").close()).hasMessageContaining("password");
        try (Connection c = DriverManager.getConnection(url, "sieve", Files.readString(data.resolve("sieve.password")).strip());
             var rs = c.createStatement().executeQuery("SELECT id FROM agency")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("operator");
        }
    }

    /** H2's own migration step: the identities written once per subject, alert or sighting hand out values in large blocks. */
    @Test
    void theIdentitiesWrittenInBulkAreCachedInLargeBlocksOnH2() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("cache")));
             Connection c = store.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT table_name, identity_cache FROM information_schema.columns"
                     + " WHERE is_identity = 'YES' ORDER BY table_name")) {
            java.util.Map<String, Long> cache = new java.util.TreeMap<>();
            while (rs.next()) cache.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
            assertThat(cache).containsEntry("subject_screening", 65536L).containsEntry("alert", 65536L)
                    .containsEntry("sighting", 65536L).containsEntry("publication", 32L);
        }
    }
}
