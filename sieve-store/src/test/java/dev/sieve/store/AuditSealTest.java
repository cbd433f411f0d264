package dev.sieve.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with write access to the database, but not the server's files, rewrites the audit trail and
 * recomputes every hash after the change, or cuts its newest events and resets the head: the chain still
 * checks, the seal does not.
 */
class AuditSealTest {
    @TempDir
    Path dir;

    private SieveStore storeWithEvents(int n) {
        SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data"))).sealIn(dir.resolve("seal"));
        store.agencies().ensureOperator();
        for (int i = 0; i < n; i++) {
            store.audit().transact((c, events) -> {
                events.add(new AuditLog.Draft(Actor.cli(), "test.event", "t", EntityJson.write(Map.of("n", 1))));
                return null;
            });
        }
        store.seal().checkpoint(store.audit());
        return store;
    }

    /** Rewrites events from {@code from} on as an attacker without the key would: new detail, hashes recomputed. */
    private void rewriteFrom(SieveStore store, long from, String detail) throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        store.audit().forEach(events::add);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            String prev = from == 1 ? AuditLog.GENESIS : events.get((int) from - 2).hash();
            for (AuditEvent e : events) {
                if (e.seq() < from) continue;
                String d = e.seq() == from ? detail : e.detail();
                String hash = AuditLog.hash(prev, e.seq(), e.at(), e.agency(), e.keyId(), e.action(), e.target(), d, e.subjectAgency());
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                    ps.setString(1, d);
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setLong(4, e.seq());
                    ps.executeUpdate();
                }
                prev = hash;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = 1")) {
                ps.setString(1, prev);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** A connection to the database, as someone with write access to it (but not the seal's folder) opens one. */
    private Connection connect() throws Exception {
        StoreConfig config = StoreConfig.h2(dir.resolve("data"));
        return java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    @Test
    void aRewrittenTrailWithRecomputedHashesPassesTheChainButNotTheSeal() throws Exception {
        try (SieveStore store = storeWithEvents(6)) {
            assertThat(store.audit().verify(store.seal()).intact()).isTrue();
            rewriteFrom(store, 3, "{\"n\":2}");
            assertThat(store.audit().verify().intact()).as("the chain alone").isTrue();
            AuditLog.Verification v = store.audit().verify(store.seal());
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("does not have the hash sealed").contains("rewritten");
        }
    }

    @Test
    void cuttingTheNewestEventsAndResettingTheHeadIsSeen() throws Exception {
        try (SieveStore store = storeWithEvents(6)) {
            AuditLog.Head head = store.audit().head();
            List<AuditEvent> events = new ArrayList<>();
            store.audit().forEach(events::add);
            AuditEvent keep = events.get((int) head.seq() - 3);
            try (Connection c = connect()) {
                c.createStatement().execute("DELETE FROM audit_event WHERE seq > " + keep.seq());
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                    ps.setLong(1, keep.seq());
                    ps.setString(2, keep.hash());
                    ps.executeUpdate();
                }
            }
            assertThat(store.audit().verify().intact()).as("the chain alone").isTrue();
            AuditLog.Verification v = store.audit().verify(store.seal());
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("ends before event " + head.seq()).contains("removed");
        }
    }

    @Test
    void aCheckpointWrittenWithoutTheKeyIsRefused() throws Exception {
        try (SieveStore store = storeWithEvents(3)) {
            AuditLog.Head head = store.audit().head();
            Files.writeString(dir.resolve("seal").resolve(AuditSeal.LOG_FILE), head.seq() + 5 + " " + head.hash() + " "
                    + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + "ab".repeat(32) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            AuditLog.Verification v = store.audit().verify(store.seal());
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains(AuditSeal.LOG_FILE).contains("seal does not match");
        }
        assertThat(Files.readString(dir.resolve("seal").resolve(AuditSeal.KEY_FILE)).strip()).hasSize(64);
    }

    @Test
    void closingTheStoreSealsItsLastEvents() throws Exception {
        long last;
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data"))).sealIn(dir.resolve("seal"))) {
            store.agencies().ensureOperator();
            last = store.audit().head().seq();
        }
        AuditSeal seal = AuditSeal.in(dir.resolve("seal"));
        assertThat(seal.checkpoints()).isNotEmpty();
        assertThat(seal.checkpoints().getLast().seq()).isEqualTo(last);
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir.resolve("data")))) {
            assertThat(store.audit().verify(seal).sealedUpTo()).isEqualTo(last);
        }
    }
}
