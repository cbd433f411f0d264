package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Contributed entries: creation, optimistic concurrency, delisting with history, and what screening sees. */
@Tag("database")
class DatabankTest {
    static ServerFixture f;
    static String contributor;
    static String analyst;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("bka", "contributor", "analyst");
        contributor = keys.get(0);
        analyst = keys.get(1);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static Map<String, Object> person(String name, String reason) {
        return Map.of("schema", "Person", "name", name, "aliases", List.of(name + " Jr"), "birth_date", "1990-05-17",
                "nationality", "DE", "sharing", "all", "reason", reason);
    }

    @Test
    void updatesNeedTheCurrentVersionSoNoneIsLost() {
        var created = f.post("/v1/databank/entries", contributor, person("Friedhelm Obermaier", "initial report"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("entity").get("id").asText();
        assertThat(id).startsWith("db:bka:");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(f.put("/v1/databank/entries/" + id, contributor, person("Friedhelm Obermeier", "x"), null).status()).isEqualTo(428);
        var first = f.put("/v1/databank/entries/" + id, contributor, person("Friedhelm Obermeier", "spelling"), "\"1\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("version").asInt()).isEqualTo(2);
        // a second writer who read version 1 is refused instead of overwriting
        var stale = f.put("/v1/databank/entries/" + id, contributor, person("Friedhelm Obermaierr", "other edit"), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("detail").asText()).contains("version 2");
        var now = f.get("/v1/databank/entries/" + id, contributor);
        assertThat(now.body().get("entity").get("names").get(0).get("value").asText()).isEqualTo("Friedhelm Obermeier");
        assertThat(now.body().get("reason").asText()).isEqualTo("spelling");
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        String id = f.post("/v1/databank/entries", contributor, person("Wendelin Kratochwil", "r")).body().get("entity").get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                writers.add(() -> f.put("/v1/databank/entries/" + id, contributor, person("Wendelin Kratochwil " + n, "edit " + n), "\"1\"").status());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> s : pool.invokeAll(writers)) statuses.add(s.get());
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(f.get("/v1/databank/entries/" + id, contributor).body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void delistingStopsAlertsAndKeepsHistory() {
        var created = f.post("/v1/databank/entries", contributor, person("Leopoldine Haberkorn", "initial"));
        String id = created.body().get("entity").get("id").asText();
        assertThat(IsolationTest.ids(f.post("/v1/screen", analyst, Map.of("name", "Leopoldine Haberkorn")).body().get("matches")))
                .contains(id);
        var del = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/v1/databank/entries/" + id))
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\": \"cleared by court\"}")), contributor);
        assertThat(del.status()).isEqualTo(200);
        assertThat(del.body().get("delisted").asBoolean()).isTrue();
        assertThat(IsolationTest.ids(f.post("/v1/screen", analyst, Map.of("name", "Leopoldine Haberkorn")).body().get("matches")))
                .doesNotContain(id);
        assertThat(f.delete("/v1/databank/entries/" + id, contributor, null).status()).isEqualTo(409);
        // kept, with every version
        assertThat(f.get("/v1/databank/entries/" + id, contributor).body().get("reason").asText()).isEqualTo("cleared by court");
        assertThat(f.count("databank_entry_version WHERE entry_id = '" + id + "'")).isEqualTo(2);
        var diff = f.get("/v1/lists/databank/diff?from=2000-01-01", analyst);
        assertThat(IsolationTest.ids(diff.body().get("added"))).doesNotContain(id);
    }

    @Test
    void everyChangeIsOnTheAuditTrailWithItsReason() {
        String auditor = f.post("/v1/agencies/bka/keys", f.adminKey, Map.of("role", "auditor")).body().get("key").asText();
        String id = f.post("/v1/databank/entries", contributor, person("Radegunde Pfisterer", "tip from border police"))
                .body().get("entity").get("id").asText();
        var events = f.get("/v1/audit?action=databank.create&limit=1000", auditor).body().get("events");
        var mine = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        events.forEach(e -> {
            if (e.get("target").asText().equals(id)) mine.add(e);
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().get("detail").get("reason").asText()).isEqualTo("tip from border police");
        assertThat(mine.getFirst().get("key_id").asText()).isNotBlank();
        assertThat(f.store.audit().verify().intact()).isTrue();
    }
}
