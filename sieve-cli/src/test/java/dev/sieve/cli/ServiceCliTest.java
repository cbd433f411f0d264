package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve admin create-key} and {@code sieve audit verify} on a real embedded databank. */
class ServiceCliTest {
    @TempDir
    Path dir;

    CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    @Test
    void createKeyPrintsTheKeyAsItsLastLineAndVerifyChecksTheChain() throws Exception {
        CliRun admin = sieve("admin", "create-key", "--role", "admin");
        assertThat(admin.code()).as(admin.err()).isZero();
        String[] lines = admin.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("sk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(sieve("admin", "create-key", "--role", "analyst", "--agency", "nosuch").code()).isEqualTo(1);
        CliRun badRole = sieve("admin", "create-key", "--role", "god");
        assertThat(badRole.code()).isEqualTo(1);
        assertThat(badRole.err()).contains("unknown role");

        CliRun ok = sieve("audit", "verify");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("intact").contains("2 events"); // the operator agency, the key

        // the databank's own password, as another process of its owner reads it
        String password = java.nio.file.Files.readString(dir.resolve("data").resolve("sieve.password")).strip();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("sieve")
                + ";AUTO_SERVER=TRUE", "sieve", password); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_event SET detail = REPLACE(detail, 'admin', 'analyst') WHERE seq = 2");
        }
        CliRun broken = sieve("audit", "verify", "--json");
        assertThat(broken.code()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(broken.json().get("intact").asBoolean()).isFalse();
        assertThat(broken.json().get("first_broken_seq").asLong()).isEqualTo(2);
    }

    @Test
    void aPortInUseIsSaidAtOnceInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun r = sieve("serve", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip()).contains(":" + taken.getLocalPort() + " is already in use").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aBackupIsTakenOnlineAndRestoresByUnzipping() throws Exception {
        Path data = dir.resolve("data");
        assertThat(sieve("lists", "load", dev.sieve.testing.SharedData.list("un_sc/consolidated.xml").toString()).code()).isZero();
        Path zip = dir.resolve("sieve-backup.zip");
        // the databank stays open in this process, as under a running server
        try (var open = dev.sieve.store.SieveStore.open(dev.sieve.store.StoreConfig.h2(data))) {
            CliRun backup = sieve("admin", "backup", zip.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("backed up to");
        }
        // it holds the data and the password that opens it: its owner's alone
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(zip)))
                .isEqualTo("rw-------");
        Path restored = java.nio.file.Files.createDirectories(dir.resolve("restored"));
        try (var in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.nio.file.Files.copy(in, restored.resolve(e.getName()));
            }
        }
        CliRun lists = CliRun.sieve(restored, "lists", "--json");
        assertThat(lists.json()).hasSize(1);
        assertThat(lists.json().get(0).get("source").asText()).isEqualTo("un");
        assertThat(CliRun.sieve(restored, "audit", "verify").code()).isZero();
        CliRun again = sieve("admin", "backup", zip.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("already exists");
    }
}
