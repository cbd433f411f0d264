package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.store.AuditLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Screenings on the audit trail with what they found and against which publications; tampering detected. */
@Tag("database")
class AuditTrailTest {
    ServerFixture f;
    String analyst;
    String auditor;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("ofsi", "analyst", "auditor");
        analyst = keys.get(0);
        auditor = keys.get(1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void aScreeningIsRecordedWithQueryResultsAndPublications() {
        var r = f.post("/v1/screen", analyst, Map.of("name", "Kim Kwang Il", "nationality", "KP"));
        long seq = r.body().get("audit_event").asLong();
        JsonNode event = null;
        for (JsonNode e : f.get("/v1/audit?action=screen", auditor).body().get("events")) if (e.get("seq").asLong() == seq) event = e;
        assertThat(event).isNotNull();
        assertThat(event.get("agency").asText()).isEqualTo("ofsi");
        JsonNode screening = event.get("detail").get("screenings").get(0);
        assertThat(screening.get("query").get("name").asText()).isEqualTo("Kim Kwang Il");
        assertThat(screening.get("query").get("nationality").asText()).isEqualTo("KP");
        assertThat(screening.get("results").get(0).get("id").asText()).isEqualTo("un:KPi.009");
        assertThat(event.get("detail").get("publications").get(0).asLong())
                .isEqualTo(r.body().get("publications").get(0).get("id").asLong());
        assertThat(event.get("hash").asText()).hasSize(64).isNotEqualTo(event.get("prev_hash").asText());
    }

    @Test
    void alteringRemovingOrTruncatingEventsIsDetected() {
        for (int i = 0; i < 5; i++) f.post("/v1/screen", analyst, Map.of("name", "Name " + i));
        AuditLog.Verification ok = f.store.audit().verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.events()).isGreaterThanOrEqualTo(8);
        long target = ok.events() - 2;

        f.execute("UPDATE audit_event SET detail = REPLACE(detail, 'Name', 'Nome') WHERE seq = " + target);
        AuditLog.Verification altered = f.store.audit().verify();
        assertThat(altered.intact()).isFalse();
        assertThat(altered.firstBrokenSeq()).isEqualTo(target);
        f.execute("UPDATE audit_event SET detail = REPLACE(detail, 'Nome', 'Name') WHERE seq = " + target);
        assertThat(f.store.audit().verify().intact()).isTrue();

        f.execute("DELETE FROM audit_event WHERE seq = " + ok.events());
        AuditLog.Verification truncated = f.store.audit().verify();
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.problem()).contains("removed");

        f.execute("DELETE FROM audit_event WHERE seq = " + target);
        AuditLog.Verification gap = f.store.audit().verify();
        assertThat(gap.intact()).isFalse();
        assertThat(gap.firstBrokenSeq()).isEqualTo(target);
    }

    @Test
    void concurrentScreeningsAndChangesKeepOneUnbrokenChain() throws Exception {
        String contributor = f.post("/v1/agencies/ofsi/keys", f.adminKey, Map.of("role", "contributor")).body().get("key").asText();
        long before = f.requestEvents();
        AuditLog.GroupStats groupsBefore = f.store.audit().groupStats();
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(pool.submit(() -> n % 10 == 0
                    ? f.post("/v1/databank/entries", contributor, Map.of("schema", "Person", "name", "Entry Person " + n,
                    "sharing", "private", "reason", "r")).status()
                    : f.post("/v1/screen", analyst, Map.of("name", "Kim Kwang Il " + n)).status()));
        }
        for (var r : results) assertThat(r.get()).isIn(200, 201);
        pool.shutdown();
        assertThat(f.requestEvents()).isEqualTo(before + 200);
        // the 180 screenings went through the group-commit writer, several to a commit
        AuditLog.GroupStats groups = f.store.audit().groupStats();
        assertThat(groups.events() - groupsBefore.events()).isEqualTo(180);
        assertThat(groups.commits() - groupsBefore.commits()).isLessThan(180);
        AuditLog.Verification v = f.store.audit().verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
    }
}
