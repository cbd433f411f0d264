package dev.sieve.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking the chain while a running server appends to it: appends made during the check are not taken for a
 * truncated tail; an event written beside the trail, beyond its head, still is.
 */
class AuditVerifyTest {
    @TempDir
    Path dir;

    private static void append(SieveStore store) {
        store.audit().transact((c, events) -> {
            events.add(new AuditLog.Draft(Actor.cli(), "test.event", "t", EntityJson.write(Map.of("n", 1))));
            return null;
        });
    }

    @Test
    void appendsDuringTheCheckAreNotAGap() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            store.agencies().ensureOperator();
            for (int i = 0; i < 200; i++) append(store);
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> {
                while (!stop.get()) append(store);
            });
            try {
                for (int i = 0; i < 30; i++) {
                    AuditLog.Verification v = store.audit().verify();
                    assertThat(v.intact()).as(v.problem()).isTrue();
                }
            } finally {
                stop.set(true);
                writer.join();
            }
        }
    }

    @Test
    void anEventWrittenBesideTheTrailBeyondItsHeadIsFound() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            store.agencies().ensureOperator();
            for (int i = 0; i < 5; i++) append(store);
            assertThat(store.audit().verify().intact()).isTrue();
            StoreConfig config = StoreConfig.h2(dir.resolve("data"));
            try (Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                 PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (seq, at, agency_id, key_id, action, target,"
                         + " detail, prev_hash, hash) SELECT seq + 1, at, agency_id, key_id, action, target, detail, hash, hash"
                         + " FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event)")) {
                ps.executeUpdate();
            }
            AuditLog.Verification v = store.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("beyond the head");
        }
    }
}
