package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditEvent;
import dev.sieve.store.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one client sends cannot make another's screenings fail: text the databases cannot store is refused
 * with a 400 naming the field before anything is recorded, a legitimately large event is recorded whole, and
 * an event that cannot be written fails only its own request, not the group it was committed with.
 */
@Tag("database")
class NoCrossTenantAuditFailureTest {
    ServerFixture f;
    String analyst;
    String contributor;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("aa", "analyst", "contributor");
        analyst = keys.get(0);
        contributor = keys.get(1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void nulCharactersAndUnpairedSurrogatesAreRefusedNamingTheField() {
        long audit = f.requestEvents();
        var nul = f.post("/v1/screen", analyst, "{\"name\": \"a\\u0000\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().get("field").asText()).isEqualTo("name");
        assertThat(nul.body().get("detail").asText()).contains("NUL");
        var batch = f.post("/v1/screen/batch", analyst, "{\"queries\": [{\"name\": \"Kim\"}, {\"name\": \"x\\ud800y\"}]}");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.body().get("field").asText()).isEqualTo("queries[1].name");
        assertThat(batch.body().get("detail").asText()).contains("unpaired surrogate");
        var entry = f.post("/v1/databank/entries", contributor, "{\"schema\": \"Person\", \"name\": \"A B\", \"aliases\": [\"C\\udc00\"],"
                + " \"sharing\": \"all\", \"reason\": \"r\"}");
        assertThat(entry.status()).isEqualTo(400);
        assertThat(entry.body().get("field").asText()).isEqualTo("aliases[0]");
        assertThat(f.requestEvents()).isEqualTo(audit);
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) many.add(Map.of("type", "passport", "number", "P" + i));
        var tooMany = f.post("/v1/screen", analyst, Map.of("name", "Kim", "identifiers", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("field").asText()).isEqualTo("identifiers");
        var tooLong = f.post("/v1/screen", analyst, Map.of("name", "Kim", "identifiers", List.of(Map.of("type", "passport", "number", "9".repeat(1000)))));
        assertThat(tooLong.body().get("field").asText()).isEqualTo("identifiers[0].number");
        assertThat(f.requestEvents()).isEqualTo(audit);
        // a proper pair (an emoji) is text like any other
        assertThat(f.post("/v1/screen", analyst, "{\"name\": \"Kim \\ud83d\\ude00\"}").status()).isEqualTo(200);
    }

    @Test
    void aBatchOfAThousandScreeningsWithAHundredResultsEachIsRecordedWhole() throws Exception {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) queries.add(Map.of("name", i % 2 == 0 ? "Mohammed Ali" : "Kim Il", "threshold", 0.0, "limit", 100));
        var r = f.post("/v1/screen/batch", analyst, Map.of("queries", queries));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        long seq = r.body().get("audit_event").asLong();
        List<AuditEvent> events = new ArrayList<>();
        f.store.audit().forEach(events::add);
        AuditEvent event = events.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
        assertThat(event.detail().length()).isGreaterThan(1_000_000);
        JsonNode detail = ServerFixture.JSON.readTree(event.detail());
        assertThat(detail.get("screenings")).hasSize(1000);
        assertThat(f.store.audit().verify().intact()).isTrue();
    }

    @Test
    void anEventThatCannotBeWrittenFailsAloneAndTheOthersInItsGroupAreRecorded() throws Exception {
        AuditLog audit = f.store.audit();
        for (int round = 0; round < 20; round++) {
            List<CompletableFuture<Long>> good = new ArrayList<>();
            for (int i = 0; i < 5; i++) good.add(audit.record(new AuditLog.Draft(new Actor("aa", "k1"), "screen", "good " + i, "{}")));
            // an action longer than its column: this event cannot be written on either database
            CompletableFuture<Long> bad = audit.record(new AuditLog.Draft(new Actor("aa", "k1"), "x".repeat(60), "bad", "{}"));
            for (int i = 5; i < 10; i++) good.add(audit.record(new AuditLog.Draft(new Actor("aa", "k1"), "screen", "good " + i, "{}")));
            for (CompletableFuture<Long> g : good) assertThat(g.get(30, TimeUnit.SECONDS)).isPositive();
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(java.sql.SQLException.class);
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}
