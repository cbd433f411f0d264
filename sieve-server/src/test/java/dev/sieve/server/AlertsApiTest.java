package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.testing.SharedData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monitored subjects and their alerts over HTTP: the minimum contract, decisions under four eyes, the
 * history and audit trail of each step, refusals that name the field, monitoring started by a list upload,
 * and one agency's subjects and alerts invisible to another.
 */
@Tag("database")
class AlertsApiTest {
    static ServerFixture f;
    static String analyst1;
    static String analyst2;
    static String auditor;
    static String admin;
    static String otherAnalyst;

    /** Listed by the UN as KPi.003. */
    static final Map<String, Object> HWANG = Map.of("name", "Hwang Sok Hwa", "schema", "Person", "birth_date", "1943-09-26");

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
        List<String> keys = f.agency("bank", "analyst", "analyst", "auditor", "admin");
        analyst1 = keys.get(0);
        analyst2 = keys.get(1);
        auditor = keys.get(2);
        admin = keys.get(3);
        otherAnalyst = f.agency("other-bank", "analyst").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static String keyId(String secret) {
        return secret.split("_")[1];
    }

    static ServerFixture.Response decide(String key, String id, String ifMatch, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.base + "/v1/alerts/" + id + "/decision"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(body)));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return f.send(b, key);
    }

    static ServerFixture.Response post(String key, String path, String ifMatch, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ServerFixture.json(body)));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return f.send(b, key);
    }

    static ServerFixture.Response patch(String key, String path, Object body) {
        return f.send(HttpRequest.newBuilder(URI.create(f.base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ServerFixture.json(body))), key);
    }

    static String etag(ServerFixture.Response r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void aSubjectIsScreenedAtOnceAndItsAlertIsDecidedUnderFourEyes() {
        var put = f.put("/v1/subjects/cust-1", analyst1, HWANG, null);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.body().get("screening").get("alerts_raised")).isNotEmpty();
        assertThat(f.put("/v1/subjects/cust-1", analyst1, HWANG, null).status()).isEqualTo(200);

        JsonNode listed = f.get("/v1/alerts?subject=cust-1", analyst1).body().get("alerts");
        assertThat(listed).hasSize(1); // screened twice, alerted once
        JsonNode summary = listed.get(0);
        assertThat(summary.get("entity_id").asText()).isEqualTo("un:KPi.003");
        assertThat(summary.get("state").asText()).isEqualTo("open");
        String id = summary.get("id").asText();
        var read = f.get("/v1/alerts/" + id, analyst1);
        assertThat(read.status()).isEqualTo(200);
        assertThat(etag(read)).isEqualTo("\"1\"");
        assertThat(read.body().get("match").get("explanation")).isNotNull();
        assertThat(read.body().get("history").get(0).get("action").asText()).isEqualTo("created");

        Map<String, Object> clear = Map.of("decision", "false_positive", "reason", "customer born in Seoul in 1990");
        assertThat(decide(analyst1, id, null, clear).status()).isEqualTo(428);
        assertThat(decide(analyst1, id, "\"7\"", clear).status()).isEqualTo(412);
        var unknown = decide(analyst1, id, "\"1\"", Map.of("decision", "maybe", "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asText()).isEqualTo("decision");
        assertThat(decide(analyst1, id, "\"1\"", Map.of("decision", "false_positive")).body().get("field").asText()).isEqualTo("reason");

        assertThat(patch(otherAnalyst, "/v1/agencies/bank", Map.of("four_eyes", true)).status()).isEqualTo(403);
        var fourEyes = patch(admin, "/v1/agencies/bank", Map.of("four_eyes", true));
        assertThat(fourEyes.status()).isEqualTo(200);
        assertThat(fourEyes.body().get("four_eyes").asBoolean()).isTrue();

        var proposed = decide(analyst1, id, "\"1\"", clear);
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.body().get("state").asText()).isEqualTo("open");
        assertThat(proposed.body().get("proposal").get("proposed_by").asText()).isEqualTo(keyId(analyst1));
        var ownConfirmation = decide(analyst1, id, etag(proposed), clear);
        assertThat(ownConfirmation.status()).isEqualTo(403);
        assertThat(ownConfirmation.body().get("detail").asText()).contains("four eyes");
        var otherDecision = decide(analyst2, id, etag(proposed), Map.of("decision", "true_match", "reason", "same person"));
        assertThat(otherDecision.status()).isEqualTo(409);
        assertThat(otherDecision.body().get("field").asText()).isEqualTo("decision");
        var confirmed = decide(analyst2, id, etag(proposed), clear);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("state").asText()).isEqualTo("false_positive");
        assertThat(confirmed.body().get("decision").get("decided_by").asText()).isEqualTo(keyId(analyst2));
        assertThat(confirmed.body().get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("created", "proposed", "confirmed");
        var closed = decide(analyst2, id, etag(confirmed), Map.of("decision", "escalate", "reason", "second thoughts"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body().get("field").asText()).isEqualTo("decision");

        // every step on the audit trail, proposer and confirmer named
        JsonNode audit = f.get("/v1/audit?limit=1000", auditor).body().get("events");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> {
            if (id.equals(e.path("target").asText())) actions.add(e.get("action").asText() + "/" + e.get("key_id").asText());
        });
        assertThat(actions).contains("alert.propose/" + keyId(analyst1), "alert.confirm/" + keyId(analyst2));

        // cleared stays cleared: the same subject again raises nothing
        var again = f.put("/v1/subjects/cust-1", analyst1, HWANG, null);
        assertThat(again.body().get("screening").get("alerts_raised")).isEmpty();
        assertThat(patch(admin, "/v1/agencies/bank", Map.of("four_eyes", false)).status()).isEqualTo(200);
    }

    @Test
    void commentsAssignmentAndHistory() {
        f.put("/v1/subjects/cust-2", analyst1, Map.of("name", "Paek Chang Ho", "schema", "Person"), null);
        String id = f.get("/v1/alerts?subject=cust-2", analyst1).body().get("alerts").get(0).get("id").asText();
        var comment = post(analyst1, "/v1/alerts/" + id + "/comments", null, Map.of("text", "asked the branch for a passport copy"));
        assertThat(comment.status()).isEqualTo(201);
        assertThat(post(analyst1, "/v1/alerts/" + id + "/comments", null, Map.of("text", " ")).body().get("field").asText())
                .isEqualTo("text");
        var read = f.get("/v1/alerts/" + id, analyst1);
        var nobody = post(analyst1, "/v1/alerts/" + id + "/assignment", etag(read), Map.of("assignee", "nokey"));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body().get("field").asText()).isEqualTo("assignee");
        assertThat(post(analyst1, "/v1/alerts/" + id + "/assignment", etag(read), Map.of("assignee", keyId(otherAnalyst))).status())
                .isEqualTo(400); // another agency's key
        var assigned = post(analyst1, "/v1/alerts/" + id + "/assignment", etag(read), Map.of("assignee", keyId(analyst2)));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().get("assignee").asText()).isEqualTo(keyId(analyst2));
        assertThat(f.get("/v1/alerts?assignee=" + keyId(analyst2), analyst1).body().get("alerts"))
                .extracting(a -> a.get("id").asText()).contains(id);
        var review = decide(analyst2, id, etag(assigned), Map.of("decision", "review", "reason", "taking it"));
        assertThat(review.body().get("state").asText()).isEqualTo("in_review");
        assertThat(review.body().get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("created", "comment", "assigned", "review");
        assertThat(f.get("/v1/alerts?state=in_review", analyst1).body().get("alerts")).extracting(a -> a.get("id").asText())
                .contains(id);
        assertThat(f.get("/v1/alerts?state=pending", analyst1).body().get("field").asText()).isEqualTo("state");
    }

    @Test
    void anotherAgencysSubjectsAndAlertsDoNotExistForIt() {
        f.put("/v1/subjects/cust-3", analyst1, Map.of("name", "Ri Hong Sop", "schema", "Person", "birth_date", "1940-02-26"), null);
        String id = f.get("/v1/alerts?subject=cust-3", analyst1).body().get("alerts").get(0).get("id").asText();
        var guessed = f.get("/v1/alerts/" + id, otherAnalyst);
        var nonexistent = f.get("/v1/alerts/al_0000000000000000", otherAnalyst);
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.body().get("detail").asText().replace(id, "ID"))
                .isEqualTo(nonexistent.body().get("detail").asText().replace("al_0000000000000000", "ID"));
        assertThat(decide(otherAnalyst, id, "\"1\"", Map.of("decision", "false_positive", "reason", "x")).status()).isEqualTo(404);
        assertThat(decide(otherAnalyst, id, "*", Map.of("decision", "false_positive", "reason", "x")).status()).isEqualTo(404);
        assertThat(post(otherAnalyst, "/v1/alerts/" + id + "/comments", null, Map.of("text", "x")).status()).isEqualTo(404);
        assertThat(post(otherAnalyst, "/v1/alerts/" + id + "/assignment", "\"1\"", Map.of("assignee", keyId(otherAnalyst))).status())
                .isEqualTo(404);
        assertThat(f.get("/v1/alerts?subject=cust-3", otherAnalyst).body().get("alerts")).isEmpty();
        assertThat(f.get("/v1/alerts", otherAnalyst).body().get("alerts")).extracting(a -> a.get("id").asText()).doesNotContain(id);
        assertThat(f.get("/v1/subjects/cust-3", otherAnalyst).status()).isEqualTo(404);
        assertThat(f.get("/v1/subjects/cust-3/screenings", otherAnalyst).status()).isEqualTo(404);
        assertThat(f.delete("/v1/subjects/cust-3", otherAnalyst, null).status()).isEqualTo(404);
        // the same external id is the other agency's own subject, separate from the first
        assertThat(f.put("/v1/subjects/cust-3", otherAnalyst, Map.of("name", "Jane Doe"), null).status()).isEqualTo(201);
        assertThat(f.get("/v1/subjects/cust-3", analyst1).body().get("name").asText()).isEqualTo("Ri Hong Sop");
        assertThat(f.get("/v1/subjects/cust-3", auditor).status()).isEqualTo(200);
        assertThat(f.put("/v1/subjects/cust-9", auditor, Map.of("name", "x"), null).status()).isEqualTo(403);
    }

    @Test
    void badSubjectsAreRefusedNamingTheFieldAndNothingIsStored() {
        long subjects = f.count("subject");
        long versions = f.count("subject_version");
        var noName = f.put("/v1/subjects/cust-bad", analyst1, Map.of("schema", "Person"), null);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().get("field").asText()).isEqualTo("name");
        assertThat(f.put("/v1/subjects/cust-bad", analyst1, Map.of("name", "A B", "birth_date", "1990-13-01"), null)
                .body().get("field").asText()).isEqualTo("birth_date");
        assertThat(f.put("/v1/subjects/cust-bad", analyst1, Map.of("name", "A B", "aliases", List.of("")), null)
                .body().get("field").asText()).isEqualTo("aliases[0]");
        assertThat(f.put("/v1/subjects/cust-bad", analyst1, Map.of("name", "A B", "colour", "red"), null)
                .body().get("field").asText()).isEqualTo("colour");
        assertThat(f.put("/v1/subjects/" + "x".repeat(201), analyst1, Map.of("name", "A B"), null)
                .body().get("field").asText()).isEqualTo("external_id");
        assertThat(f.count("subject")).isEqualTo(subjects);
        assertThat(f.count("subject_version")).isEqualTo(versions);
    }

    @Test
    void aDeletedSubjectIsNoLongerMonitoredAndKeepsItsHistory() {
        assertThat(f.put("/v1/subjects/cust-4%2Fa", analyst1, Map.of("name", "Tobias Feldhaus", "attributes",
                Map.of("branch", "Bern")), null).status()).isEqualTo(201);
        var deleted = f.delete("/v1/subjects/cust-4%2Fa", analyst1, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("monitored").asBoolean()).isFalse();
        assertThat(deleted.body().get("attributes").get("branch").asText()).isEqualTo("Bern");
        assertThat(f.delete("/v1/subjects/cust-4%2Fa", analyst1, null).status()).isEqualTo(404);
        assertThat(f.get("/v1/subjects/cust-4%2Fa/screenings", analyst1).body().get("screenings")).hasSize(1);
    }

    @Test
    void aListUploadStartsMonitoringAndItsAlertsAppearWithoutAnotherCall() throws Exception {
        assertThat(f.put("/v1/subjects/cust-noriega", analyst1, Map.of("name", "Manuel Antonio Noriega", "schema", "Person"),
                null).body().get("screening").get("alerts_raised")).isEmpty();
        byte[] sdn = Files.readAllBytes(SharedData.list("ofac_sdn/2021-07_complete_set").resolve("sdn.csv"));
        var upload = f.postRaw("/v1/lists/us-ofac-sdn/publications?published_at=2021-07-01&filename=sdn.csv", f.adminKey, sdn,
                "text/csv");
        assertThat(upload.status()).isEqualTo(201);
        // a run commits its alerts as it goes and records what it screened when it ends: wait for the end
        JsonNode alerts = null;
        JsonNode evidence = null;
        for (int i = 0; i < 600; i++) {
            alerts = f.get("/v1/alerts?subject=cust-noriega", analyst1).body().get("alerts");
            evidence = f.get("/v1/subjects/cust-noriega/screenings", analyst1).body().get("screenings");
            if (!alerts.isEmpty() && evidence.size() > 1) break;
            Thread.sleep(100);
        }
        assertThat(alerts).extracting(a -> a.get("entity_id").asText()).containsExactly("us-ofac:1572");
        assertThat(alerts.get(0).get("monitoring_run").asLong()).isPositive();
        assertThat(evidence).extracting(s -> s.get("kind").asText()).containsExactly("full", "monitoring");
        assertThat(evidence.get(1).get("alerts_raised_on")).extracting(JsonNode::asText).containsExactly("us-ofac:1572");
    }
}
