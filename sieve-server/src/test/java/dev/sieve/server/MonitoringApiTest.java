package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monitoring beyond list uploads: a databank entry contributed (and delisted) re-screens the subjects of the
 * agencies it is shared with, without another call; the operator starts a full re-screen and reads the runs.
 */
@Tag("database")
class MonitoringApiTest {
    static ServerFixture f;
    static String analyst;
    static String contributor;
    static String bankAdmin;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> bank = f.agency("monitoring-bank", "analyst", "admin");
        analyst = bank.get(0);
        bankAdmin = bank.get(1);
        contributor = f.agency("monitoring-police", "contributor").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void aDatabankEntrySharedWithTheBankAlertsOnItsSubjectAndItsDelistingFollows() throws Exception {
        var put = f.put("/v1/subjects/mb-1", analyst, Map.of("name", "Friedhelm Obermaier", "schema", "Person"), null);
        assertThat(put.body().get("screening").get("alerts_raised")).isEmpty();
        var entry = f.post("/v1/databank/entries", contributor, Map.of("schema", "Person", "name", "Friedhelm Obermaier",
                "reason", "investigation 17", "sharing", List.of("monitoring-bank")));
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);
        String entryId = entry.body().get("entity").get("id").asText();
        JsonNode alerts = ServerFixture.await(() -> f.get("/v1/alerts?subject=mb-1", analyst).body().get("alerts"), a -> !a.isEmpty());
        assertThat(alerts).extracting(a -> a.get("entity_id").asText()).containsExactly(entryId);

        var delisted = f.delete("/v1/databank/entries/" + entryId, contributor, "\"1\"");
        assertThat(delisted.status()).as(delisted.text()).isIn(200, 204);
        JsonNode after = ServerFixture.await(() -> f.get("/v1/alerts?subject=mb-1", analyst).body().get("alerts"),
                a -> a.get(0).get("state").asText().equals("delisted"));
        assertThat(after.get(0).get("state").asText()).isEqualTo("delisted");
    }

    @Test
    void theOperatorStartsAFullRescreenAndReadsTheRuns() throws Exception {
        f.put("/v1/subjects/mb-full", analyst, Map.of("name", "Hwang Sok Hwa", "schema", "Person"), null);
        f.server.monitor().catchUp(); // nothing in progress
        var started = f.post("/v1/monitoring/runs", f.adminKey, Map.of("full", true));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        assertThat(started.body().get("full").asBoolean()).isTrue();
        JsonNode run = ServerFixture.await(() -> f.get("/v1/monitoring/runs", f.adminKey).body().get("runs").get(0),
                r -> r.get("id").asLong() == id && r.get("status").asText().equals("completed"));
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("subjects").asLong()).isPositive();
        // the pair already alerted is not alerted twice
        assertThat(f.get("/v1/alerts?subject=mb-full", analyst).body().get("alerts")).hasSize(1);

        assertThat(f.post("/v1/monitoring/runs", bankAdmin, Map.of("full", true)).status()).isEqualTo(403);
        assertThat(f.get("/v1/monitoring/runs", analyst).status()).isEqualTo(403);
        var notFull = f.post("/v1/monitoring/runs", f.adminKey, Map.of("full", false));
        assertThat(notFull.status()).isEqualTo(400);
        assertThat(notFull.body().get("field").asText()).isEqualTo("full");
    }
}
